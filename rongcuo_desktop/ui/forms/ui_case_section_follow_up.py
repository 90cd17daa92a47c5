# Generated from forms/case_section_follow_up.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDateEdit, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTextBrowser,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CaseSectionFollowUp(object):
    def setupUi(self, CaseSectionFollowUp):
        if not CaseSectionFollowUp.objectName():
            CaseSectionFollowUp.setObjectName(u"CaseSectionFollowUp")
        CaseSectionFollowUp.resize(760, 560)
        self.followUpTabLayout = QVBoxLayout(CaseSectionFollowUp)
        self.followUpTabLayout.setObjectName(u"followUpTabLayout")
        self.filingGroup = QGroupBox(CaseSectionFollowUp)
        self.filingGroup.setObjectName(u"filingGroup")
        self.filingGrid = QGridLayout(self.filingGroup)
        self.filingGrid.setObjectName(u"filingGrid")
        self.filingNumberCaption = QLabel(self.filingGroup)
        self.filingNumberCaption.setObjectName(u"filingNumberCaption")

        self.filingGrid.addWidget(self.filingNumberCaption, 0, 0, 1, 1)

        self.filingNumberEdit = QLineEdit(self.filingGroup)
        self.filingNumberEdit.setObjectName(u"filingNumberEdit")

        self.filingGrid.addWidget(self.filingNumberEdit, 0, 1, 1, 1)

        self.filingDateCaption = QLabel(self.filingGroup)
        self.filingDateCaption.setObjectName(u"filingDateCaption")

        self.filingGrid.addWidget(self.filingDateCaption, 0, 2, 1, 1)

        self.filingDateEdit = QDateEdit(self.filingGroup)
        self.filingDateEdit.setObjectName(u"filingDateEdit")
        self.filingDateEdit.setCalendarPopup(True)

        self.filingGrid.addWidget(self.filingDateEdit, 0, 3, 1, 1)

        self.filingToCaption = QLabel(self.filingGroup)
        self.filingToCaption.setObjectName(u"filingToCaption")

        self.filingGrid.addWidget(self.filingToCaption, 1, 0, 1, 1)

        self.filingToEdit = QLineEdit(self.filingGroup)
        self.filingToEdit.setObjectName(u"filingToEdit")

        self.filingGrid.addWidget(self.filingToEdit, 1, 1, 1, 2)

        self.saveFilingButton = QPushButton(self.filingGroup)
        self.saveFilingButton.setObjectName(u"saveFilingButton")

        self.filingGrid.addWidget(self.saveFilingButton, 1, 3, 1, 1)


        self.followUpTabLayout.addWidget(self.filingGroup)

        self.visitGroup = QGroupBox(CaseSectionFollowUp)
        self.visitGroup.setObjectName(u"visitGroup")
        self.visitLayout = QVBoxLayout(self.visitGroup)
        self.visitLayout.setObjectName(u"visitLayout")
        self.planLabel = QLabel(self.visitGroup)
        self.planLabel.setObjectName(u"planLabel")
        self.planLabel.setWordWrap(True)

        self.visitLayout.addWidget(self.planLabel)

        self.visitsTree = QTreeWidget(self.visitGroup)
        self.visitsTree.setObjectName(u"visitsTree")
        self.visitsTree.setRootIsDecorated(False)
        self.visitsTree.setUniformRowHeights(True)
        self.visitsTree.setAlternatingRowColors(True)

        self.visitLayout.addWidget(self.visitsTree)

        self.visitView = QTextBrowser(self.visitGroup)
        self.visitView.setObjectName(u"visitView")
        self.visitView.setOpenLinks(False)
        self.visitView.setMinimumSize(QSize(0, 110))
        self.visitView.setMaximumSize(QSize(16777215, 160))

        self.visitLayout.addWidget(self.visitView)

        self.visitButtons = QHBoxLayout()
        self.visitButtons.setObjectName(u"visitButtons")
        self.recordVisitButton = QPushButton(self.visitGroup)
        self.recordVisitButton.setObjectName(u"recordVisitButton")

        self.visitButtons.addWidget(self.recordVisitButton)

        self.visitSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.visitButtons.addItem(self.visitSpacer)


        self.visitLayout.addLayout(self.visitButtons)


        self.followUpTabLayout.addWidget(self.visitGroup)


        self.retranslateUi(CaseSectionFollowUp)

        QMetaObject.connectSlotsByName(CaseSectionFollowUp)
    # setupUi

    def retranslateUi(self, CaseSectionFollowUp):
        self.filingGroup.setTitle(QCoreApplication.translate("CaseSectionFollowUp", u"\u62a5\u544a\u5907\u6848", None))
        self.filingNumberCaption.setText(QCoreApplication.translate("CaseSectionFollowUp", u"\u5907\u6848\u53f7", None))
        self.filingNumberEdit.setPlaceholderText("")
        self.filingDateCaption.setText(QCoreApplication.translate("CaseSectionFollowUp", u"\u65e5\u671f", None))
        self.filingDateEdit.setDisplayFormat(QCoreApplication.translate("CaseSectionFollowUp", u"yyyy-MM-dd", None))
        self.filingToCaption.setText(QCoreApplication.translate("CaseSectionFollowUp", u"\u62a5\u9001\u673a\u5173", None))
        self.filingToEdit.setPlaceholderText("")
        self.saveFilingButton.setText(QCoreApplication.translate("CaseSectionFollowUp", u"\u4fdd\u5b58\u5907\u6848", None))
        self.visitGroup.setTitle(QCoreApplication.translate("CaseSectionFollowUp", u"\u8ddf\u8e2a\u56de\u8bbf", None))
        self.planLabel.setText("")
        ___qtreewidgetitem = self.visitsTree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("CaseSectionFollowUp", u"\u72b6\u6001", None));
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CaseSectionFollowUp", u"\u56de\u8bbf\u4eba", None));
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseSectionFollowUp", u"\u56de\u8bbf\u65e5\u671f", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseSectionFollowUp", u"\u5e94\u56de\u8bbf\u65e5\u671f", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseSectionFollowUp", u"\u6b21\u6570", None));
        self.recordVisitButton.setText(QCoreApplication.translate("CaseSectionFollowUp", u"\u8bb0\u5f55\u56de\u8bbf\u2026", None))
        pass
    # retranslateUi

