# Generated from forms/case_section_decision.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTextBrowser,
    QVBoxLayout, QWidget)

class Ui_CaseSectionDecision(object):
    def setupUi(self, CaseSectionDecision):
        if not CaseSectionDecision.objectName():
            CaseSectionDecision.setObjectName(u"CaseSectionDecision")
        CaseSectionDecision.resize(760, 560)
        self.decisionTabLayout = QVBoxLayout(CaseSectionDecision)
        self.decisionTabLayout.setObjectName(u"decisionTabLayout")
        self.decisionScroll = QScrollArea(CaseSectionDecision)
        self.decisionScroll.setObjectName(u"decisionScroll")
        self.decisionScroll.setWidgetResizable(True)
        self.decisionScroll.setFrameShape(QFrame.NoFrame)
        self.decisionInner = QWidget()
        self.decisionInner.setObjectName(u"decisionInner")
        self.decisionInnerLayout = QVBoxLayout(self.decisionInner)
        self.decisionInnerLayout.setObjectName(u"decisionInnerLayout")
        self.decisionView = QTextBrowser(self.decisionInner)
        self.decisionView.setObjectName(u"decisionView")
        self.decisionView.setOpenLinks(False)
        self.decisionView.setMinimumSize(QSize(0, 110))

        self.decisionInnerLayout.addWidget(self.decisionView)

        self.decisionSlot = QWidget(self.decisionInner)
        self.decisionSlot.setObjectName(u"decisionSlot")
        self.decisionSlotLayout = QVBoxLayout(self.decisionSlot)
        self.decisionSlotLayout.setObjectName(u"decisionSlotLayout")
        self.decisionSlotLayout.setContentsMargins(0, 0, 0, 0)

        self.decisionInnerLayout.addWidget(self.decisionSlot)

        self.lenientGroup = QGroupBox(self.decisionInner)
        self.lenientGroup.setObjectName(u"lenientGroup")
        self.lenientForm = QFormLayout(self.lenientGroup)
        self.lenientForm.setObjectName(u"lenientForm")
        self.lenientForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formCaption = QLabel(self.lenientGroup)
        self.formCaption.setObjectName(u"formCaption")

        self.lenientForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.formCaption)

        self.formCombo = QComboBox(self.lenientGroup)
        self.formCombo.setObjectName(u"formCombo")

        self.lenientForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.measureCaption = QLabel(self.lenientGroup)
        self.measureCaption.setObjectName(u"measureCaption")

        self.lenientForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.measureCaption)

        self.measureEdit = QPlainTextEdit(self.lenientGroup)
        self.measureEdit.setObjectName(u"measureEdit")
        self.measureEdit.setMinimumSize(QSize(0, 50))
        self.measureEdit.setTabChangesFocus(True)

        self.lenientForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.measureEdit)

        self.lenientButtons = QHBoxLayout()
        self.lenientButtons.setObjectName(u"lenientButtons")
        self.saveLenientButton = QPushButton(self.lenientGroup)
        self.saveLenientButton.setObjectName(u"saveLenientButton")

        self.lenientButtons.addWidget(self.saveLenientButton)

        self.lenientSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lenientButtons.addItem(self.lenientSpacer)


        self.lenientForm.setLayout(2, QFormLayout.ItemRole.SpanningRole, self.lenientButtons)


        self.decisionInnerLayout.addWidget(self.lenientGroup)

        self.usageGroup = QGroupBox(self.decisionInner)
        self.usageGroup.setObjectName(u"usageGroup")
        self.usageLayout = QVBoxLayout(self.usageGroup)
        self.usageLayout.setObjectName(u"usageLayout")
        self.usageList = QListWidget(self.usageGroup)
        self.usageList.setObjectName(u"usageList")
        self.usageList.setMinimumSize(QSize(0, 120))

        self.usageLayout.addWidget(self.usageList)

        self.usageNoteEdit = QLineEdit(self.usageGroup)
        self.usageNoteEdit.setObjectName(u"usageNoteEdit")

        self.usageLayout.addWidget(self.usageNoteEdit)

        self.usageButtons = QHBoxLayout()
        self.usageButtons.setObjectName(u"usageButtons")
        self.saveUsageButton = QPushButton(self.usageGroup)
        self.saveUsageButton.setObjectName(u"saveUsageButton")

        self.usageButtons.addWidget(self.saveUsageButton)

        self.usageSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.usageButtons.addItem(self.usageSpacer)


        self.usageLayout.addLayout(self.usageButtons)


        self.decisionInnerLayout.addWidget(self.usageGroup)

        self.decisionScroll.setWidget(self.decisionInner)

        self.decisionTabLayout.addWidget(self.decisionScroll)


        self.retranslateUi(CaseSectionDecision)

        QMetaObject.connectSlotsByName(CaseSectionDecision)
    # setupUi

    def retranslateUi(self, CaseSectionDecision):
        self.lenientGroup.setTitle(QCoreApplication.translate("CaseSectionDecision", u"\u4ece\u8f7b\u3001\u51cf\u8f7b\u5904\u7406\uff1a\u8fd0\u7528\u7684\u201c\u56db\u79cd\u5f62\u6001\u201d", None))
        self.formCaption.setText(QCoreApplication.translate("CaseSectionDecision", u"\u5f62\u6001", None))
        self.measureCaption.setText(QCoreApplication.translate("CaseSectionDecision", u"\u5904\u7406\u63aa\u65bd", None))
        self.measureEdit.setPlaceholderText(QCoreApplication.translate("CaseSectionDecision", u"\u5982\uff1a\u6279\u8bc4\u6559\u80b2\u3001\u8c08\u8bdd\u63d0\u9192", None))
        self.saveLenientButton.setText(QCoreApplication.translate("CaseSectionDecision", u"\u4fdd\u5b58", None))
        self.usageGroup.setTitle(QCoreApplication.translate("CaseSectionDecision", u"\u7ed3\u679c\u8fd0\u7528", None))
        self.usageNoteEdit.setPlaceholderText(QCoreApplication.translate("CaseSectionDecision", u"\u8bf4\u660e\uff0c\u5982\uff1a2026 \u5e74\u5ea6\u8003\u6838\u4e0d\u56e0\u6b64\u6263\u5206", None))
        self.saveUsageButton.setText(QCoreApplication.translate("CaseSectionDecision", u"\u4fdd\u5b58\u7ed3\u679c\u8fd0\u7528", None))
        pass
    # retranslateUi

