# Generated from forms/case_section_hearing.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTextBrowser,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CaseSectionHearing(object):
    def setupUi(self, CaseSectionHearing):
        if not CaseSectionHearing.objectName():
            CaseSectionHearing.setObjectName(u"CaseSectionHearing")
        CaseSectionHearing.resize(760, 560)
        self.hearingTabLayout = QVBoxLayout(CaseSectionHearing)
        self.hearingTabLayout.setObjectName(u"hearingTabLayout")
        self.hearingHint = QLabel(CaseSectionHearing)
        self.hearingHint.setObjectName(u"hearingHint")
        self.hearingHint.setWordWrap(True)

        self.hearingTabLayout.addWidget(self.hearingHint)

        self.hearingTree = QTreeWidget(CaseSectionHearing)
        self.hearingTree.setObjectName(u"hearingTree")
        self.hearingTree.setRootIsDecorated(False)
        self.hearingTree.setUniformRowHeights(True)
        self.hearingTree.setAlternatingRowColors(True)

        self.hearingTabLayout.addWidget(self.hearingTree)

        self.hearingView = QTextBrowser(CaseSectionHearing)
        self.hearingView.setObjectName(u"hearingView")
        self.hearingView.setOpenLinks(False)

        self.hearingTabLayout.addWidget(self.hearingView)

        self.hearingButtons = QHBoxLayout()
        self.hearingButtons.setObjectName(u"hearingButtons")
        self.addHearingButton = QPushButton(CaseSectionHearing)
        self.addHearingButton.setObjectName(u"addHearingButton")

        self.hearingButtons.addWidget(self.addHearingButton)

        self.hearingButtonSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.hearingButtons.addItem(self.hearingButtonSpacer)


        self.hearingTabLayout.addLayout(self.hearingButtons)


        self.retranslateUi(CaseSectionHearing)

        QMetaObject.connectSlotsByName(CaseSectionHearing)
    # setupUi

    def retranslateUi(self, CaseSectionHearing):
        self.hearingHint.setText(QCoreApplication.translate("CaseSectionHearing", u"\u542c\u8bc1\u8bf7\u884c\u4e1a\u6216\u9886\u57df\u7684\u4e13\u4e1a\u4eba\u5458\u8bc4\u5224\uff08\u6ee8\u57ce\uff09\uff1b\u60c5\u51b5\u590d\u6742\u3001\u654f\u611f\u3001\u5f71\u54cd\u91cd\u5927\u7684\uff0c\u591a\u90e8\u95e8\u4f1a\u5546\u7814\u5224\uff08\u8354\u6e7e\uff09\u3002", None))
        ___qtreewidgetitem = self.hearingTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseSectionHearing", u"\u53c2\u52a0\u4eba\u5458", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseSectionHearing", u"\u65e5\u671f", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseSectionHearing", u"\u7c7b\u578b", None));
        self.addHearingButton.setText(QCoreApplication.translate("CaseSectionHearing", u"\u6dfb\u52a0\u542c\u8bc1\u3001\u4f1a\u5546\u8bb0\u5f55\u2026", None))
        pass
    # retranslateUi

