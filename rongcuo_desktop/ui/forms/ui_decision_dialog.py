# Generated from forms/decision_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QProgressBar, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_DecisionDialog(object):
    def setupUi(self, DecisionDialog):
        if not DecisionDialog.objectName():
            DecisionDialog.setObjectName(u"DecisionDialog")
        DecisionDialog.resize(760, 640)
        self.mainLayout = QVBoxLayout(DecisionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(DecisionDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.sideBySide = QHBoxLayout()
        self.sideBySide.setObjectName(u"sideBySide")
        self.recommendationBox = QGroupBox(DecisionDialog)
        self.recommendationBox.setObjectName(u"recommendationBox")
        self.recommendationLayout = QVBoxLayout(self.recommendationBox)
        self.recommendationLayout.setObjectName(u"recommendationLayout")
        self.recommendationLabel = QLabel(self.recommendationBox)
        self.recommendationLabel.setObjectName(u"recommendationLabel")
        self.recommendationLabel.setWordWrap(True)

        self.recommendationLayout.addWidget(self.recommendationLabel)

        self.explanationView = QPlainTextEdit(self.recommendationBox)
        self.explanationView.setObjectName(u"explanationView")
        self.explanationView.setReadOnly(True)
        self.explanationView.setTabChangesFocus(True)

        self.recommendationLayout.addWidget(self.explanationView)


        self.sideBySide.addWidget(self.recommendationBox)

        self.decisionBox = QGroupBox(DecisionDialog)
        self.decisionBox.setObjectName(u"decisionBox")
        self.decisionForm = QFormLayout(self.decisionBox)
        self.decisionForm.setObjectName(u"decisionForm")
        self.conclusionLabel = QLabel(self.decisionBox)
        self.conclusionLabel.setObjectName(u"conclusionLabel")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.conclusionLabel)

        self.conclusionCombo = QComboBox(self.decisionBox)
        self.conclusionCombo.setObjectName(u"conclusionCombo")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.conclusionCombo)

        self.dateLabel = QLabel(self.decisionBox)
        self.dateLabel.setObjectName(u"dateLabel")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(self.decisionBox)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.votesLabel = QLabel(self.decisionBox)
        self.votesLabel.setObjectName(u"votesLabel")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.votesLabel)

        self.votesLayout = QHBoxLayout()
        self.votesLayout.setObjectName(u"votesLayout")
        self.forLabel = QLabel(self.decisionBox)
        self.forLabel.setObjectName(u"forLabel")

        self.votesLayout.addWidget(self.forLabel)

        self.forSpin = QSpinBox(self.decisionBox)
        self.forSpin.setObjectName(u"forSpin")
        self.forSpin.setMaximum(99)

        self.votesLayout.addWidget(self.forSpin)

        self.againstLabel = QLabel(self.decisionBox)
        self.againstLabel.setObjectName(u"againstLabel")

        self.votesLayout.addWidget(self.againstLabel)

        self.againstSpin = QSpinBox(self.decisionBox)
        self.againstSpin.setObjectName(u"againstSpin")
        self.againstSpin.setMaximum(99)

        self.votesLayout.addWidget(self.againstSpin)

        self.abstainLabel = QLabel(self.decisionBox)
        self.abstainLabel.setObjectName(u"abstainLabel")

        self.votesLayout.addWidget(self.abstainLabel)

        self.abstainSpin = QSpinBox(self.decisionBox)
        self.abstainSpin.setObjectName(u"abstainSpin")
        self.abstainSpin.setMaximum(99)

        self.votesLayout.addWidget(self.abstainSpin)


        self.decisionForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.votesLayout)

        self.votesNote = QLabel(self.decisionBox)
        self.votesNote.setObjectName(u"votesNote")
        self.votesNote.setWordWrap(True)

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.votesNote)

        self.fourFormsBox = QGroupBox(self.decisionBox)
        self.fourFormsBox.setObjectName(u"fourFormsBox")
        self.fourFormsLayout = QFormLayout(self.fourFormsBox)
        self.fourFormsLayout.setObjectName(u"fourFormsLayout")
        self.formLabel = QLabel(self.fourFormsBox)
        self.formLabel.setObjectName(u"formLabel")

        self.fourFormsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.formLabel)

        self.formCombo = QComboBox(self.fourFormsBox)
        self.formCombo.setObjectName(u"formCombo")

        self.fourFormsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.measureLabel = QLabel(self.fourFormsBox)
        self.measureLabel.setObjectName(u"measureLabel")

        self.fourFormsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.measureLabel)

        self.measureEdit = QLineEdit(self.fourFormsBox)
        self.measureEdit.setObjectName(u"measureEdit")

        self.fourFormsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.measureEdit)


        self.decisionForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.fourFormsBox)


        self.sideBySide.addWidget(self.decisionBox)

        self.sideBySide.setStretch(0, 1)
        self.sideBySide.setStretch(1, 1)

        self.mainLayout.addLayout(self.sideBySide)

        self.noteLabel = QLabel(DecisionDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.noteEdit = QPlainTextEdit(DecisionDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.noteEdit)

        self.dissentLabel = QLabel(DecisionDialog)
        self.dissentLabel.setObjectName(u"dissentLabel")
        self.dissentLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.dissentLabel)

        self.dissentEdit = QPlainTextEdit(DecisionDialog)
        self.dissentEdit.setObjectName(u"dissentEdit")
        self.dissentEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.dissentEdit)

        self.missingLabel = QLabel(DecisionDialog)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.missingLabel)

        self.errorLabel = QLabel(DecisionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(DecisionDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.buttonBox = QDialogButtonBox(DecisionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.conclusionLabel.setBuddy(self.conclusionCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.votesLabel.setBuddy(self.forSpin)
        self.forLabel.setBuddy(self.forSpin)
        self.againstLabel.setBuddy(self.againstSpin)
        self.abstainLabel.setBuddy(self.abstainSpin)
        self.formLabel.setBuddy(self.formCombo)
        self.measureLabel.setBuddy(self.measureEdit)
        self.noteLabel.setBuddy(self.noteEdit)
        self.dissentLabel.setBuddy(self.dissentEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DecisionDialog)

        QMetaObject.connectSlotsByName(DecisionDialog)
    # setupUi

    def retranslateUi(self, DecisionDialog):
        DecisionDialog.setWindowTitle(QCoreApplication.translate("DecisionDialog", u"\u8bb0\u5f55\u8ba4\u5b9a\u7ed3\u8bba", None))
        self.titleLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u8bb0\u5f55\u4f1a\u8bae\u7684\u8ba4\u5b9a\u7ed3\u8bba", None))
        self.recommendationBox.setTitle(QCoreApplication.translate("DecisionDialog", u"\u7814\u5224\u5efa\u8bae\uff08\u8f6f\u4ef6\u4f9d\u89c4\u5219\u5e93\u8ba1\u7b97\uff0c\u4ec5\u4f9b\u53c2\u8003\uff09", None))
        self.recommendationLabel.setText("")
        self.decisionBox.setTitle(QCoreApplication.translate("DecisionDialog", u"\u4f1a\u8bae\u7684\u8ba4\u5b9a", None))
        self.conclusionLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u8ba4\u5b9a\u7ed3\u8bba\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u8ba4\u5b9a\u65e5\u671f\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("DecisionDialog", u"yyyy-MM-dd", None))
        self.votesLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u8868\u51b3\uff1a", None))
        self.forLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u8d5e\u6210", None))
        self.againstLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u53cd\u5bf9", None))
        self.abstainLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u5f03\u6743", None))
        self.votesNote.setText("")
        self.fourFormsBox.setTitle(QCoreApplication.translate("DecisionDialog", u"\u4ece\u8f7b\u51cf\u8f7b\u5904\u7406\uff1a\u8fd0\u7528\u201c\u56db\u79cd\u5f62\u6001\u201d", None))
        self.formLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u5f62\u6001\uff1a", None))
        self.measureLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u5904\u7406\u63aa\u65bd\uff1a", None))
        self.noteLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u8ba4\u5b9a\u8bf4\u660e\uff1a", None))
        self.dissentLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u4e0d\u540c\u610f\u89c1\uff08\u5982\u6709\uff0c\u5199\u660e\u6301\u4e0d\u540c\u610f\u89c1\u7684\u59d4\u5458\u53ca\u5176\u7406\u7531\uff09\uff1a", None))
        self.missingLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

