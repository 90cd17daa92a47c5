# Generated from forms/change_passphrase_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QProgressBar,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ChangePassphraseDialog(object):
    def setupUi(self, ChangePassphraseDialog):
        if not ChangePassphraseDialog.objectName():
            ChangePassphraseDialog.setObjectName(u"ChangePassphraseDialog")
        ChangePassphraseDialog.resize(500, 340)
        ChangePassphraseDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ChangePassphraseDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChangePassphraseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.oldLabel = QLabel(ChangePassphraseDialog)
        self.oldLabel.setObjectName(u"oldLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.oldLabel)

        self.oldEdit = QLineEdit(ChangePassphraseDialog)
        self.oldEdit.setObjectName(u"oldEdit")
        self.oldEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.oldEdit)

        self.newLabel = QLabel(ChangePassphraseDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newEdit = QLineEdit(ChangePassphraseDialog)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.repeatLabel = QLabel(ChangePassphraseDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(ChangePassphraseDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.strengthCaption = QLabel(ChangePassphraseDialog)
        self.strengthCaption.setObjectName(u"strengthCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.strengthCaption)

        self.strengthBar = QProgressBar(ChangePassphraseDialog)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximum(4)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(False)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strengthBar)

        self.strengthLabel = QLabel(ChangePassphraseDialog)
        self.strengthLabel.setObjectName(u"strengthLabel")
        self.strengthLabel.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.strengthLabel)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ChangePassphraseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(ChangePassphraseDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.buttonBox = QDialogButtonBox(ChangePassphraseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.oldLabel.setBuddy(self.oldEdit)
        self.newLabel.setBuddy(self.newEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChangePassphraseDialog)

        QMetaObject.connectSlotsByName(ChangePassphraseDialog)
    # setupUi

    def retranslateUi(self, ChangePassphraseDialog):
        ChangePassphraseDialog.setWindowTitle(QCoreApplication.translate("ChangePassphraseDialog", u"\u4fee\u6539\u6062\u590d\u53e3\u4ee4", None))
        self.introLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"\u4fee\u6539\u53e3\u4ee4\u4f1a\u5148\u81ea\u52a8\u505a\u4e00\u4efd\u5907\u4efd\uff0c\u518d\u7528\u65b0\u7684\u5bc6\u94a5\u628a\u6574\u4e2a\u6570\u636e\u5e93\u91cd\u65b0\u52a0\u5bc6\uff1a\u65e7\u53e3\u4ee4\u52a0\u4e0a\u4ee5\u524d\u7684\u5907\u4efd\uff0c\u6253\u4e0d\u5f00\u73b0\u5728\u7684\u6570\u636e\u5e93\u3002\u65b0\u53e3\u4ee4\u540c\u6837\u9700\u8981\u7262\u8bb0\uff1a\u9057\u5931\u540e\u65e0\u6cd5\u6062\u590d\u6570\u636e\u3002", None))
        self.oldLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"\u5f53\u524d\u53e3\u4ee4\uff1a", None))
        self.newLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"\u65b0\u53e3\u4ee4\uff1a", None))
        self.repeatLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"\u518d\u6b21\u8f93\u5165\uff1a", None))
        self.strengthCaption.setText(QCoreApplication.translate("ChangePassphraseDialog", u"\u53e3\u4ee4\u5f3a\u5ea6\uff1a", None))
        self.strengthLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

