# Generated from forms/account_picker_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AccountPickerDialog(object):
    def setupUi(self, AccountPickerDialog):
        if not AccountPickerDialog.objectName():
            AccountPickerDialog.setObjectName(u"AccountPickerDialog")
        AccountPickerDialog.resize(420, 360)
        AccountPickerDialog.setModal(True)
        self.mainLayout = QVBoxLayout(AccountPickerDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AccountPickerDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.accountList = QListWidget(AccountPickerDialog)
        self.accountList.setObjectName(u"accountList")

        self.mainLayout.addWidget(self.accountList)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.pinLabel = QLabel(AccountPickerDialog)
        self.pinLabel.setObjectName(u"pinLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(AccountPickerDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pinEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AccountPickerDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AccountPickerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pinEdit, self.accountList)

        self.retranslateUi(AccountPickerDialog)

        QMetaObject.connectSlotsByName(AccountPickerDialog)
    # setupUi

    def retranslateUi(self, AccountPickerDialog):
        AccountPickerDialog.setWindowTitle(QCoreApplication.translate("AccountPickerDialog", u"\u9009\u62e9\u4f7f\u7528\u4eba", None))
        self.introLabel.setText(QCoreApplication.translate("AccountPickerDialog", u"\u8bf7\u9009\u62e9\u60a8\u672c\u4eba\u7684\u8d26\u6237\uff0c\u5e76\u8f93\u5165\u4e2a\u4eba\u53e3\u4ee4\uff08PIN\uff09\uff1a", None))
        self.pinLabel.setText(QCoreApplication.translate("AccountPickerDialog", u"\u4e2a\u4eba\u53e3\u4ee4\uff1a", None))
        self.errorLabel.setText("")
    # retranslateUi

