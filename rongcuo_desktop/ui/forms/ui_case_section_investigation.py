# Generated from forms/case_section_investigation.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
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

class Ui_CaseSectionInvestigation(object):
    def setupUi(self, CaseSectionInvestigation):
        if not CaseSectionInvestigation.objectName():
            CaseSectionInvestigation.setObjectName(u"CaseSectionInvestigation")
        CaseSectionInvestigation.resize(760, 560)
        self.investigationTabLayout = QVBoxLayout(CaseSectionInvestigation)
        self.investigationTabLayout.setObjectName(u"investigationTabLayout")
        self.investigationHint = QLabel(CaseSectionInvestigation)
        self.investigationHint.setObjectName(u"investigationHint")
        self.investigationHint.setWordWrap(True)

        self.investigationTabLayout.addWidget(self.investigationHint)

        self.investigationTree = QTreeWidget(CaseSectionInvestigation)
        self.investigationTree.setObjectName(u"investigationTree")
        self.investigationTree.setRootIsDecorated(False)
        self.investigationTree.setUniformRowHeights(True)
        self.investigationTree.setAlternatingRowColors(True)

        self.investigationTabLayout.addWidget(self.investigationTree)

        self.investigationView = QTextBrowser(CaseSectionInvestigation)
        self.investigationView.setObjectName(u"investigationView")
        self.investigationView.setOpenLinks(False)

        self.investigationTabLayout.addWidget(self.investigationView)

        self.investigationButtons = QHBoxLayout()
        self.investigationButtons.setObjectName(u"investigationButtons")
        self.addInvestigationButton = QPushButton(CaseSectionInvestigation)
        self.addInvestigationButton.setObjectName(u"addInvestigationButton")

        self.investigationButtons.addWidget(self.addInvestigationButton)

        self.editInvestigationButton = QPushButton(CaseSectionInvestigation)
        self.editInvestigationButton.setObjectName(u"editInvestigationButton")

        self.investigationButtons.addWidget(self.editInvestigationButton)

        self.attachmentsButton = QPushButton(CaseSectionInvestigation)
        self.attachmentsButton.setObjectName(u"attachmentsButton")

        self.investigationButtons.addWidget(self.attachmentsButton)

        self.investigationButtonSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.investigationButtons.addItem(self.investigationButtonSpacer)


        self.investigationTabLayout.addLayout(self.investigationButtons)


        self.retranslateUi(CaseSectionInvestigation)

        QMetaObject.connectSlotsByName(CaseSectionInvestigation)
    # setupUi

    def retranslateUi(self, CaseSectionInvestigation):
        self.investigationHint.setText(QCoreApplication.translate("CaseSectionInvestigation", u"\u8bb0\u5f55\u6838\u5b9e\u7684\u4e8b\u5b9e\u3001\u6240\u5728\u5355\u4f4d\u7684\u610f\u89c1\u548c\u5f53\u4e8b\u4eba\u7684\u9648\u8ff0\u7533\u8fa9\uff1b\u53ef\u5173\u8054\u672c\u6848\u9644\u4ef6\u3002", None))
        ___qtreewidgetitem = self.investigationTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseSectionInvestigation", u"\u8c03\u67e5\u6838\u5b9e\u7684\u60c5\u51b5", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseSectionInvestigation", u"\u8c03\u67e5\u4eba\u5458", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseSectionInvestigation", u"\u65e5\u671f", None));
        self.addInvestigationButton.setText(QCoreApplication.translate("CaseSectionInvestigation", u"\u6dfb\u52a0\u8c03\u67e5\u8bb0\u5f55\u2026", None))
        self.editInvestigationButton.setText(QCoreApplication.translate("CaseSectionInvestigation", u"\u4fee\u6539\u2026", None))
        self.attachmentsButton.setText(QCoreApplication.translate("CaseSectionInvestigation", u"\u672c\u6848\u9644\u4ef6\u2026", None))
#if QT_CONFIG(tooltip)
        self.attachmentsButton.setToolTip(QCoreApplication.translate("CaseSectionInvestigation", u"\u6dfb\u52a0\u6216\u67e5\u770b\u672c\u6848\u7684\u9644\u4ef6\uff1b\u8c03\u67e5\u8bb0\u5f55\u53ef\u4ee5\u5173\u8054\u8fd9\u4e9b\u9644\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

