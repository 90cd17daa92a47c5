# Generated from forms/change_pin_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
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

class Ui_ChangePinDialog(object):
    def setupUi(self, ChangePinDialog):
        if not ChangePinDialog.objectName():
            ChangePinDialog.setObjectName(u"ChangePinDialog")
        ChangePinDialog.resize(420, 280)
        ChangePinDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ChangePinDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChangePinDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.oldPinLabel = QLabel(ChangePinDialog)
        self.oldPinLabel.setObjectName(u"oldPinLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.oldPinLabel)

        self.oldPinEdit = QLineEdit(ChangePinDialog)
        self.oldPinEdit.setObjectName(u"oldPinEdit")
        self.oldPinEdit.setEchoMode(QLineEdit.Password)
        self.oldPinEdit.setInputMethodHints(Qt.ImhDigitsOnly)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.oldPinEdit)

        self.newPinLabel = QLabel(ChangePinDialog)
        self.newPinLabel.setObjectName(u"newPinLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newPinLabel)

        self.newPinEdit = QLineEdit(ChangePinDialog)
        self.newPinEdit.setObjectName(u"newPinEdit")
        self.newPinEdit.setEchoMode(QLineEdit.Password)
        self.newPinEdit.setInputMethodHints(Qt.ImhDigitsOnly)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newPinEdit)

        self.repeatLabel = QLabel(ChangePinDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(ChangePinDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)
        self.repeatEdit.setInputMethodHints(Qt.ImhDigitsOnly)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeatEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(ChangePinDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(ChangePinDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(ChangePinDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.buttonBox = QDialogButtonBox(ChangePinDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.oldPinLabel.setBuddy(self.oldPinEdit)
        self.newPinLabel.setBuddy(self.newPinEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChangePinDialog)

        QMetaObject.connectSlotsByName(ChangePinDialog)
    # setupUi

    def retranslateUi(self, ChangePinDialog):
        ChangePinDialog.setWindowTitle(QCoreApplication.translate("ChangePinDialog", u"\u4fee\u6539\u4e2a\u4eba\u53e3\u4ee4", None))
        self.introLabel.setText(QCoreApplication.translate("ChangePinDialog", u"\u4fee\u6539\u60a8\u81ea\u5df1\u7684\u4e2a\u4eba\u53e3\u4ee4\uff08PIN\uff09\u3002\u4fee\u6539\u8bb0\u5165\u5ba1\u8ba1\u8bb0\u5f55\u3002", None))
        self.oldPinLabel.setText(QCoreApplication.translate("ChangePinDialog", u"\u73b0\u5728\u7684\u4e2a\u4eba\u53e3\u4ee4\uff1a", None))
        self.newPinLabel.setText(QCoreApplication.translate("ChangePinDialog", u"\u65b0\u7684\u4e2a\u4eba\u53e3\u4ee4\uff1a", None))
        self.repeatLabel.setText(QCoreApplication.translate("ChangePinDialog", u"\u518d\u8f93\u5165\u4e00\u6b21\uff1a", None))
        self.hintLabel.setText(QCoreApplication.translate("ChangePinDialog", u"\u4e2a\u4eba\u53e3\u4ee4\u81f3\u5c11 6 \u4f4d\u6570\u5b57\uff0c\u4e0d\u80fd\u5168\u662f\u540c\u4e00\u4e2a\u6570\u5b57\uff0c\u4e5f\u4e0d\u80fd\u662f\u8fde\u7eed\u7684\u6570\u5b57\u3002", None))
        self.errorLabel.setText("")
    # retranslateUi

