# Generated from forms/reset_pin_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
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

class Ui_ResetPinDialog(object):
    def setupUi(self, ResetPinDialog):
        if not ResetPinDialog.objectName():
            ResetPinDialog.setObjectName(u"ResetPinDialog")
        ResetPinDialog.resize(420, 280)
        ResetPinDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ResetPinDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ResetPinDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.newPinLabel = QLabel(ResetPinDialog)
        self.newPinLabel.setObjectName(u"newPinLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.newPinLabel)

        self.newPinEdit = QLineEdit(ResetPinDialog)
        self.newPinEdit.setObjectName(u"newPinEdit")
        self.newPinEdit.setEchoMode(QLineEdit.Password)
        self.newPinEdit.setInputMethodHints(Qt.ImhDigitsOnly)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newPinEdit)

        self.repeatLabel = QLabel(ResetPinDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(ResetPinDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)
        self.repeatEdit.setInputMethodHints(Qt.ImhDigitsOnly)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.repeatEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(ResetPinDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(ResetPinDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(ResetPinDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.buttonBox = QDialogButtonBox(ResetPinDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.newPinLabel.setBuddy(self.newPinEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ResetPinDialog)

        QMetaObject.connectSlotsByName(ResetPinDialog)
    # setupUi

    def retranslateUi(self, ResetPinDialog):
        ResetPinDialog.setWindowTitle(QCoreApplication.translate("ResetPinDialog", u"\u91cd\u8bbe\u4e2a\u4eba\u53e3\u4ee4", None))
        self.introLabel.setText("")
        self.newPinLabel.setText(QCoreApplication.translate("ResetPinDialog", u"\u65b0\u7684\u4e2a\u4eba\u53e3\u4ee4\uff1a", None))
        self.repeatLabel.setText(QCoreApplication.translate("ResetPinDialog", u"\u518d\u8f93\u5165\u4e00\u6b21\uff1a", None))
        self.hintLabel.setText(QCoreApplication.translate("ResetPinDialog", u"\u4e2a\u4eba\u53e3\u4ee4\u81f3\u5c11 6 \u4f4d\u6570\u5b57\uff0c\u4e0d\u80fd\u5168\u662f\u540c\u4e00\u4e2a\u6570\u5b57\uff0c\u4e5f\u4e0d\u80fd\u662f\u8fde\u7eed\u7684\u6570\u5b57\u3002", None))
        self.errorLabel.setText("")
    # retranslateUi

