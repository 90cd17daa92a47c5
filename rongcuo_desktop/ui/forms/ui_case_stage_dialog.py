# Generated from forms/case_stage_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CaseStageDialog(object):
    def setupUi(self, CaseStageDialog):
        if not CaseStageDialog.objectName():
            CaseStageDialog.setObjectName(u"CaseStageDialog")
        CaseStageDialog.resize(520, 380)
        CaseStageDialog.setModal(True)
        self.mainLayout = QVBoxLayout(CaseStageDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(CaseStageDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.missingLabel = QLabel(CaseStageDialog)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)
        self.missingLabel.setTextFormat(Qt.PlainText)

        self.mainLayout.addWidget(self.missingLabel)

        self.stageForm = QFormLayout()
        self.stageForm.setObjectName(u"stageForm")
        self.stageForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.dateCaption = QLabel(CaseStageDialog)
        self.dateCaption.setObjectName(u"dateCaption")

        self.stageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateCaption)

        self.dateEdit = QDateEdit(CaseStageDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.stageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.rulebookCaption = QLabel(CaseStageDialog)
        self.rulebookCaption.setObjectName(u"rulebookCaption")

        self.stageForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.rulebookCaption)

        self.rulebookCombo = QComboBox(CaseStageDialog)
        self.rulebookCombo.setObjectName(u"rulebookCombo")

        self.stageForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.rulebookCombo)

        self.reasonCaption = QLabel(CaseStageDialog)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.stageForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonCaption)

        self.reasonEdit = QPlainTextEdit(CaseStageDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMinimumSize(QSize(0, 70))
        self.reasonEdit.setTabChangesFocus(True)

        self.stageForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.noteCaption = QLabel(CaseStageDialog)
        self.noteCaption.setObjectName(u"noteCaption")

        self.stageForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteCaption)

        self.noteEdit = QPlainTextEdit(CaseStageDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMinimumSize(QSize(0, 50))
        self.noteEdit.setTabChangesFocus(True)

        self.stageForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.stageForm)

        self.messageLabel = QLabel(CaseStageDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.PlainText)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(CaseStageDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(CaseStageDialog)

        QMetaObject.connectSlotsByName(CaseStageDialog)
    # setupUi

    def retranslateUi(self, CaseStageDialog):
        CaseStageDialog.setWindowTitle(QCoreApplication.translate("CaseStageDialog", u"\u63a8\u8fdb\u9636\u6bb5", None))
        self.titleLabel.setText("")
        self.missingLabel.setText("")
        self.dateCaption.setText(QCoreApplication.translate("CaseStageDialog", u"\u65e5\u671f", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("CaseStageDialog", u"yyyy-MM-dd", None))
        self.rulebookCaption.setText(QCoreApplication.translate("CaseStageDialog", u"\u9002\u7528\u7684\u89c4\u5219\u5e93", None))
        self.reasonCaption.setText(QCoreApplication.translate("CaseStageDialog", u"\u7406\u7531", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("CaseStageDialog", u"\u9000\u56de\u6216\u4e0d\u4e88\u53d7\u7406\u7684\u7406\u7531", None))
        self.noteCaption.setText(QCoreApplication.translate("CaseStageDialog", u"\u53d7\u7406\u610f\u89c1", None))
        self.noteEdit.setPlaceholderText("")
        self.messageLabel.setText("")
    # retranslateUi

