# Generated from forms/accounts_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_AccountsDialog(object):
    def setupUi(self, AccountsDialog):
        if not AccountsDialog.objectName():
            AccountsDialog.setObjectName(u"AccountsDialog")
        AccountsDialog.resize(520, 380)
        self.mainLayout = QVBoxLayout(AccountsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.accountList = QListWidget(AccountsDialog)
        self.accountList.setObjectName(u"accountList")

        self.mainLayout.addWidget(self.accountList)

        self.messageLabel = QLabel(AccountsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.addButton = QPushButton(AccountsDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttonRow.addWidget(self.addButton)

        self.resetPinButton = QPushButton(AccountsDialog)
        self.resetPinButton.setObjectName(u"resetPinButton")

        self.buttonRow.addWidget(self.resetPinButton)

        self.disableButton = QPushButton(AccountsDialog)
        self.disableButton.setObjectName(u"disableButton")

        self.buttonRow.addWidget(self.disableButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(AccountsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.buttonRow.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(AccountsDialog)

        QMetaObject.connectSlotsByName(AccountsDialog)
    # setupUi

    def retranslateUi(self, AccountsDialog):
        AccountsDialog.setWindowTitle(QCoreApplication.translate("AccountsDialog", u"\u8d26\u6237\u7ba1\u7406", None))
        self.messageLabel.setText("")
        self.addButton.setText(QCoreApplication.translate("AccountsDialog", u"\u65b0\u5efa\u8d26\u6237\u2026", None))
        self.resetPinButton.setText(QCoreApplication.translate("AccountsDialog", u"\u91cd\u8bbe\u4e2a\u4eba\u53e3\u4ee4\u2026", None))
        self.disableButton.setText(QCoreApplication.translate("AccountsDialog", u"\u505c\u7528\u6240\u9009\u8d26\u6237", None))
    # retranslateUi

