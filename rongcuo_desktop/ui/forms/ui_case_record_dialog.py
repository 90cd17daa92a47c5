# Generated from forms/case_record_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_CaseRecordDialog(object):
    def setupUi(self, CaseRecordDialog):
        if not CaseRecordDialog.objectName():
            CaseRecordDialog.setObjectName(u"CaseRecordDialog")
        CaseRecordDialog.resize(560, 480)
        CaseRecordDialog.setModal(True)
        self.mainLayout = QVBoxLayout(CaseRecordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.caseLabel = QLabel(CaseRecordDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.caseLabel)

        self.pages = QStackedWidget(CaseRecordDialog)
        self.pages.setObjectName(u"pages")
        self.investigationPage = QWidget()
        self.investigationPage.setObjectName(u"investigationPage")
        self.investigationForm = QFormLayout(self.investigationPage)
        self.investigationForm.setObjectName(u"investigationForm")
        self.investigationForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.heldCaption = QLabel(self.investigationPage)
        self.heldCaption.setObjectName(u"heldCaption")

        self.investigationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.heldCaption)

        self.heldDateEdit = QDateEdit(self.investigationPage)
        self.heldDateEdit.setObjectName(u"heldDateEdit")
        self.heldDateEdit.setCalendarPopup(True)

        self.investigationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.heldDateEdit)

        self.investigatorsCaption = QLabel(self.investigationPage)
        self.investigatorsCaption.setObjectName(u"investigatorsCaption")

        self.investigationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.investigatorsCaption)

        self.investigatorsEdit = QLineEdit(self.investigationPage)
        self.investigatorsEdit.setObjectName(u"investigatorsEdit")

        self.investigationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.investigatorsEdit)

        self.findingsCaption = QLabel(self.investigationPage)
        self.findingsCaption.setObjectName(u"findingsCaption")

        self.investigationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.findingsCaption)

        self.findingsEdit = QPlainTextEdit(self.investigationPage)
        self.findingsEdit.setObjectName(u"findingsEdit")
        self.findingsEdit.setMinimumSize(QSize(0, 100))
        self.findingsEdit.setTabChangesFocus(True)

        self.investigationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.findingsEdit)

        self.unitOpinionCaption = QLabel(self.investigationPage)
        self.unitOpinionCaption.setObjectName(u"unitOpinionCaption")

        self.investigationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.unitOpinionCaption)

        self.unitOpinionEdit = QPlainTextEdit(self.investigationPage)
        self.unitOpinionEdit.setObjectName(u"unitOpinionEdit")
        self.unitOpinionEdit.setMinimumSize(QSize(0, 50))
        self.unitOpinionEdit.setTabChangesFocus(True)

        self.investigationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.unitOpinionEdit)

        self.statementCaption = QLabel(self.investigationPage)
        self.statementCaption.setObjectName(u"statementCaption")

        self.investigationForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statementCaption)

        self.statementEdit = QPlainTextEdit(self.investigationPage)
        self.statementEdit.setObjectName(u"statementEdit")
        self.statementEdit.setMinimumSize(QSize(0, 50))
        self.statementEdit.setTabChangesFocus(True)

        self.investigationForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statementEdit)

        self.attachmentsCaption = QLabel(self.investigationPage)
        self.attachmentsCaption.setObjectName(u"attachmentsCaption")

        self.investigationForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.attachmentsCaption)

        self.attachmentsList = QListWidget(self.investigationPage)
        self.attachmentsList.setObjectName(u"attachmentsList")
        self.attachmentsList.setMaximumSize(QSize(16777215, 90))

        self.investigationForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.attachmentsList)

        self.pages.addWidget(self.investigationPage)
        self.hearingPage = QWidget()
        self.hearingPage.setObjectName(u"hearingPage")
        self.hearingForm = QFormLayout(self.hearingPage)
        self.hearingForm.setObjectName(u"hearingForm")
        self.hearingForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.hearingKindCaption = QLabel(self.hearingPage)
        self.hearingKindCaption.setObjectName(u"hearingKindCaption")

        self.hearingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hearingKindCaption)

        self.hearingKindCombo = QComboBox(self.hearingPage)
        self.hearingKindCombo.setObjectName(u"hearingKindCombo")

        self.hearingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hearingKindCombo)

        self.hearingDateCaption = QLabel(self.hearingPage)
        self.hearingDateCaption.setObjectName(u"hearingDateCaption")

        self.hearingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.hearingDateCaption)

        self.hearingDateEdit = QDateEdit(self.hearingPage)
        self.hearingDateEdit.setObjectName(u"hearingDateEdit")
        self.hearingDateEdit.setCalendarPopup(True)

        self.hearingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hearingDateEdit)

        self.participantsCaption = QLabel(self.hearingPage)
        self.participantsCaption.setObjectName(u"participantsCaption")

        self.hearingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.participantsCaption)

        self.participantsEdit = QPlainTextEdit(self.hearingPage)
        self.participantsEdit.setObjectName(u"participantsEdit")
        self.participantsEdit.setMinimumSize(QSize(0, 50))
        self.participantsEdit.setTabChangesFocus(True)

        self.hearingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.participantsEdit)

        self.hearingSummaryCaption = QLabel(self.hearingPage)
        self.hearingSummaryCaption.setObjectName(u"hearingSummaryCaption")

        self.hearingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.hearingSummaryCaption)

        self.hearingSummaryEdit = QPlainTextEdit(self.hearingPage)
        self.hearingSummaryEdit.setObjectName(u"hearingSummaryEdit")
        self.hearingSummaryEdit.setMinimumSize(QSize(0, 100))
        self.hearingSummaryEdit.setTabChangesFocus(True)

        self.hearingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hearingSummaryEdit)

        self.pages.addWidget(self.hearingPage)
        self.feedbackPage = QWidget()
        self.feedbackPage.setObjectName(u"feedbackPage")
        self.feedbackForm = QFormLayout(self.feedbackPage)
        self.feedbackForm.setObjectName(u"feedbackForm")
        self.feedbackForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.recipientCaption = QLabel(self.feedbackPage)
        self.recipientCaption.setObjectName(u"recipientCaption")

        self.feedbackForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recipientCaption)

        self.recipientCombo = QComboBox(self.feedbackPage)
        self.recipientCombo.setObjectName(u"recipientCombo")

        self.feedbackForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recipientCombo)

        self.sentCaption = QLabel(self.feedbackPage)
        self.sentCaption.setObjectName(u"sentCaption")

        self.feedbackForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sentCaption)

        self.sentDateEdit = QDateEdit(self.feedbackPage)
        self.sentDateEdit.setObjectName(u"sentDateEdit")
        self.sentDateEdit.setCalendarPopup(True)

        self.feedbackForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sentDateEdit)

        self.methodCaption = QLabel(self.feedbackPage)
        self.methodCaption.setObjectName(u"methodCaption")

        self.feedbackForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.methodCaption)

        self.methodCombo = QComboBox(self.feedbackPage)
        self.methodCombo.setObjectName(u"methodCombo")
        self.methodCombo.setEditable(True)

        self.feedbackForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.feedbackNoteCaption = QLabel(self.feedbackPage)
        self.feedbackNoteCaption.setObjectName(u"feedbackNoteCaption")

        self.feedbackForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.feedbackNoteCaption)

        self.feedbackNoteEdit = QPlainTextEdit(self.feedbackPage)
        self.feedbackNoteEdit.setObjectName(u"feedbackNoteEdit")
        self.feedbackNoteEdit.setMinimumSize(QSize(0, 60))
        self.feedbackNoteEdit.setTabChangesFocus(True)

        self.feedbackForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.feedbackNoteEdit)

        self.pages.addWidget(self.feedbackPage)
        self.disclosurePage = QWidget()
        self.disclosurePage.setObjectName(u"disclosurePage")
        self.disclosureForm = QFormLayout(self.disclosurePage)
        self.disclosureForm.setObjectName(u"disclosureForm")
        self.disclosureForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.scopeCaption = QLabel(self.disclosurePage)
        self.scopeCaption.setObjectName(u"scopeCaption")

        self.disclosureForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scopeCaption)

        self.scopeEdit = QLineEdit(self.disclosurePage)
        self.scopeEdit.setObjectName(u"scopeEdit")

        self.disclosureForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scopeEdit)

        self.disclosureMethodCaption = QLabel(self.disclosurePage)
        self.disclosureMethodCaption.setObjectName(u"disclosureMethodCaption")

        self.disclosureForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.disclosureMethodCaption)

        self.disclosureMethodCombo = QComboBox(self.disclosurePage)
        self.disclosureMethodCombo.setObjectName(u"disclosureMethodCombo")

        self.disclosureForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.disclosureMethodCombo)

        self.disclosedCaption = QLabel(self.disclosurePage)
        self.disclosedCaption.setObjectName(u"disclosedCaption")

        self.disclosureForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.disclosedCaption)

        self.disclosedDateEdit = QDateEdit(self.disclosurePage)
        self.disclosedDateEdit.setObjectName(u"disclosedDateEdit")
        self.disclosedDateEdit.setCalendarPopup(True)

        self.disclosureForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.disclosedDateEdit)

        self.disclosureTextCaption = QLabel(self.disclosurePage)
        self.disclosureTextCaption.setObjectName(u"disclosureTextCaption")

        self.disclosureForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.disclosureTextCaption)

        self.disclosureTextEdit = QPlainTextEdit(self.disclosurePage)
        self.disclosureTextEdit.setObjectName(u"disclosureTextEdit")
        self.disclosureTextEdit.setMinimumSize(QSize(0, 120))
        self.disclosureTextEdit.setTabChangesFocus(True)

        self.disclosureForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.disclosureTextEdit)

        self.disclosureTextButtons = QHBoxLayout()
        self.disclosureTextButtons.setObjectName(u"disclosureTextButtons")
        self.fillMaskedButton = QPushButton(self.disclosurePage)
        self.fillMaskedButton.setObjectName(u"fillMaskedButton")

        self.disclosureTextButtons.addWidget(self.fillMaskedButton)

        self.disclosureTextSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.disclosureTextButtons.addItem(self.disclosureTextSpacer)


        self.disclosureForm.setLayout(4, QFormLayout.ItemRole.SpanningRole, self.disclosureTextButtons)

        self.pages.addWidget(self.disclosurePage)
        self.visitPage = QWidget()
        self.visitPage.setObjectName(u"visitPage")
        self.visitForm = QFormLayout(self.visitPage)
        self.visitForm.setObjectName(u"visitForm")
        self.visitForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.visitNoCaption = QLabel(self.visitPage)
        self.visitNoCaption.setObjectName(u"visitNoCaption")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.visitNoCaption)

        self.visitNoCombo = QComboBox(self.visitPage)
        self.visitNoCombo.setObjectName(u"visitNoCombo")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.visitNoCombo)

        self.visitedCaption = QLabel(self.visitPage)
        self.visitedCaption.setObjectName(u"visitedCaption")

        self.visitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.visitedCaption)

        self.visitedDateEdit = QDateEdit(self.visitPage)
        self.visitedDateEdit.setObjectName(u"visitedDateEdit")
        self.visitedDateEdit.setCalendarPopup(True)

        self.visitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.visitedDateEdit)

        self.visitorsCaption = QLabel(self.visitPage)
        self.visitorsCaption.setObjectName(u"visitorsCaption")

        self.visitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.visitorsCaption)

        self.visitorsEdit = QLineEdit(self.visitPage)
        self.visitorsEdit.setObjectName(u"visitorsEdit")

        self.visitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.visitorsEdit)

        self.visitFormCaption = QLabel(self.visitPage)
        self.visitFormCaption.setObjectName(u"visitFormCaption")

        self.visitForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.visitFormCaption)

        self.visitFormCombo = QComboBox(self.visitPage)
        self.visitFormCombo.setObjectName(u"visitFormCombo")
        self.visitFormCombo.setEditable(True)

        self.visitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.visitFormCombo)

        self.visitNotesCaption = QLabel(self.visitPage)
        self.visitNotesCaption.setObjectName(u"visitNotesCaption")

        self.visitForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.visitNotesCaption)

        self.visitNotesEdit = QPlainTextEdit(self.visitPage)
        self.visitNotesEdit.setObjectName(u"visitNotesEdit")
        self.visitNotesEdit.setMinimumSize(QSize(0, 100))
        self.visitNotesEdit.setTabChangesFocus(True)

        self.visitForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.visitNotesEdit)

        self.pages.addWidget(self.visitPage)

        self.mainLayout.addWidget(self.pages)

        self.messageLabel = QLabel(CaseRecordDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.PlainText)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(CaseRecordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(CaseRecordDialog)

        QMetaObject.connectSlotsByName(CaseRecordDialog)
    # setupUi

    def retranslateUi(self, CaseRecordDialog):
        CaseRecordDialog.setWindowTitle(QCoreApplication.translate("CaseRecordDialog", u"\u8bb0\u5f55", None))
        self.caseLabel.setText("")
        self.heldCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u8c03\u67e5\u65e5\u671f", None))
        self.heldDateEdit.setDisplayFormat(QCoreApplication.translate("CaseRecordDialog", u"yyyy-MM-dd", None))
        self.investigatorsCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u8c03\u67e5\u4eba\u5458", None))
        self.investigatorsEdit.setPlaceholderText(QCoreApplication.translate("CaseRecordDialog", u"\u5982\uff1a\u738b\u67d0\u3001\u674e\u67d0", None))
        self.findingsCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u8c03\u67e5\u6838\u5b9e\u7684\u60c5\u51b5", None))
        self.findingsEdit.setPlaceholderText("")
        self.unitOpinionCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u6240\u5728\u5355\u4f4d\u610f\u89c1", None))
        self.unitOpinionEdit.setPlaceholderText("")
        self.statementCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u5f53\u4e8b\u4eba\u9648\u8ff0\u7533\u8fa9", None))
        self.statementEdit.setPlaceholderText("")
        self.attachmentsCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u5173\u8054\u9644\u4ef6", None))
        self.hearingKindCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u7c7b\u578b", None))
        self.hearingDateCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u65e5\u671f", None))
        self.hearingDateEdit.setDisplayFormat(QCoreApplication.translate("CaseRecordDialog", u"yyyy-MM-dd", None))
        self.participantsCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u53c2\u52a0\u4eba\u5458", None))
        self.participantsEdit.setPlaceholderText(QCoreApplication.translate("CaseRecordDialog", u"\u542c\u8bc1\u7684\u4e13\u4e1a\u4eba\u5458\uff0c\u6216\u53c2\u52a0\u4f1a\u5546\u7684\u90e8\u95e8", None))
        self.hearingSummaryCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u610f\u89c1", None))
        self.hearingSummaryEdit.setPlaceholderText("")
        self.recipientCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u53cd\u9988\u5bf9\u8c61", None))
        self.sentCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u53cd\u9988\u65e5\u671f", None))
        self.sentDateEdit.setDisplayFormat(QCoreApplication.translate("CaseRecordDialog", u"yyyy-MM-dd", None))
        self.methodCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u53cd\u9988\u65b9\u5f0f", None))
        self.feedbackNoteCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u8bf4\u660e", None))
        self.feedbackNoteEdit.setPlaceholderText("")
        self.scopeCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u516c\u5f00\u8303\u56f4", None))
        self.scopeEdit.setPlaceholderText(QCoreApplication.translate("CaseRecordDialog", u"\u5982\uff1a\u5168\u533a\u515a\u5458\u5e72\u90e8", None))
        self.disclosureMethodCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u516c\u5f00\u65b9\u5f0f", None))
        self.disclosedCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u516c\u5f00\u65e5\u671f", None))
        self.disclosedDateEdit.setDisplayFormat(QCoreApplication.translate("CaseRecordDialog", u"yyyy-MM-dd", None))
        self.disclosureTextCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u516c\u5f00\u7684\u6587\u672c", None))
        self.disclosureTextEdit.setPlaceholderText(QCoreApplication.translate("CaseRecordDialog", u"\u59d3\u540d\u987b\u9690\u53bb\uff0c\u5982\u201c\u8c22\u67d0\u67d0\u201d", None))
        self.fillMaskedButton.setText(QCoreApplication.translate("CaseRecordDialog", u"\u6309\u6848\u60c5\u751f\u6210\u9690\u540d\u6587\u672c", None))
        self.visitNoCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u7b2c\u51e0\u6b21\u56de\u8bbf", None))
        self.visitedCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u56de\u8bbf\u65e5\u671f", None))
        self.visitedDateEdit.setDisplayFormat(QCoreApplication.translate("CaseRecordDialog", u"yyyy-MM-dd", None))
        self.visitorsCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u56de\u8bbf\u4eba", None))
        self.visitorsEdit.setPlaceholderText("")
        self.visitFormCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u56de\u8bbf\u65b9\u5f0f", None))
        self.visitNotesCaption.setText(QCoreApplication.translate("CaseRecordDialog", u"\u56de\u8bbf\u60c5\u51b5", None))
        self.visitNotesEdit.setPlaceholderText(QCoreApplication.translate("CaseRecordDialog", u"\u601d\u60f3\u72b6\u6001\u3001\u5de5\u4f5c\u8868\u73b0\u3001\u9700\u8981\u7684\u5e2e\u52a9", None))
        self.messageLabel.setText("")
    # retranslateUi

