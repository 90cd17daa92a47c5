# Generated from forms/case_section_feedback.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QHeaderView,
    QPushButton, QSizePolicy, QSpacerItem, QTextBrowser,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CaseSectionFeedback(object):
    def setupUi(self, CaseSectionFeedback):
        if not CaseSectionFeedback.objectName():
            CaseSectionFeedback.setObjectName(u"CaseSectionFeedback")
        CaseSectionFeedback.resize(760, 560)
        self.feedbackTabLayout = QVBoxLayout(CaseSectionFeedback)
        self.feedbackTabLayout.setObjectName(u"feedbackTabLayout")
        self.feedbackGroup = QGroupBox(CaseSectionFeedback)
        self.feedbackGroup.setObjectName(u"feedbackGroup")
        self.feedbackLayout = QVBoxLayout(self.feedbackGroup)
        self.feedbackLayout.setObjectName(u"feedbackLayout")
        self.feedbackTree = QTreeWidget(self.feedbackGroup)
        self.feedbackTree.setObjectName(u"feedbackTree")
        self.feedbackTree.setRootIsDecorated(False)
        self.feedbackTree.setUniformRowHeights(True)
        self.feedbackTree.setAlternatingRowColors(True)

        self.feedbackLayout.addWidget(self.feedbackTree)

        self.feedbackButtons = QHBoxLayout()
        self.feedbackButtons.setObjectName(u"feedbackButtons")
        self.addFeedbackButton = QPushButton(self.feedbackGroup)
        self.addFeedbackButton.setObjectName(u"addFeedbackButton")

        self.feedbackButtons.addWidget(self.addFeedbackButton)

        self.feedbackSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.feedbackButtons.addItem(self.feedbackSpacer)


        self.feedbackLayout.addLayout(self.feedbackButtons)


        self.feedbackTabLayout.addWidget(self.feedbackGroup)

        self.disclosureGroup = QGroupBox(CaseSectionFeedback)
        self.disclosureGroup.setObjectName(u"disclosureGroup")
        self.disclosureLayout = QVBoxLayout(self.disclosureGroup)
        self.disclosureLayout.setObjectName(u"disclosureLayout")
        self.disclosureTree = QTreeWidget(self.disclosureGroup)
        self.disclosureTree.setObjectName(u"disclosureTree")
        self.disclosureTree.setRootIsDecorated(False)
        self.disclosureTree.setUniformRowHeights(True)
        self.disclosureTree.setAlternatingRowColors(True)

        self.disclosureLayout.addWidget(self.disclosureTree)

        self.disclosureView = QTextBrowser(self.disclosureGroup)
        self.disclosureView.setObjectName(u"disclosureView")
        self.disclosureView.setOpenLinks(False)

        self.disclosureLayout.addWidget(self.disclosureView)

        self.disclosureButtons = QHBoxLayout()
        self.disclosureButtons.setObjectName(u"disclosureButtons")
        self.addDisclosureButton = QPushButton(self.disclosureGroup)
        self.addDisclosureButton.setObjectName(u"addDisclosureButton")

        self.disclosureButtons.addWidget(self.addDisclosureButton)

        self.disclosureSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.disclosureButtons.addItem(self.disclosureSpacer)


        self.disclosureLayout.addLayout(self.disclosureButtons)


        self.feedbackTabLayout.addWidget(self.disclosureGroup)


        self.retranslateUi(CaseSectionFeedback)

        QMetaObject.connectSlotsByName(CaseSectionFeedback)
    # setupUi

    def retranslateUi(self, CaseSectionFeedback):
        self.feedbackGroup.setTitle(QCoreApplication.translate("CaseSectionFeedback", u"\u7ed3\u679c\u53cd\u9988", None))
        ___qtreewidgetitem = self.feedbackTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CaseSectionFeedback", u"\u8bf4\u660e", None));
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseSectionFeedback", u"\u65b9\u5f0f", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseSectionFeedback", u"\u65e5\u671f", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseSectionFeedback", u"\u5bf9\u8c61", None));
        self.addFeedbackButton.setText(QCoreApplication.translate("CaseSectionFeedback", u"\u8bb0\u5f55\u53cd\u9988\u2026", None))
        self.disclosureGroup.setTitle(QCoreApplication.translate("CaseSectionFeedback", u"\u4e8b\u9879\u516c\u5f00", None))
        ___qtreewidgetitem1 = self.disclosureTree.headerItem()
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("CaseSectionFeedback", u"\u65b9\u5f0f", None));
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("CaseSectionFeedback", u"\u8303\u56f4", None));
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("CaseSectionFeedback", u"\u65e5\u671f", None));
        self.addDisclosureButton.setText(QCoreApplication.translate("CaseSectionFeedback", u"\u8bb0\u5f55\u516c\u5f00\u2026", None))
        pass
    # retranslateUi

