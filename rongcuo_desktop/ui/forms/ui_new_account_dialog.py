# Generated from forms/new_account_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_NewAccountDialog(object):
    def setupUi(self, NewAccountDialog):
        if not NewAccountDialog.objectName():
            NewAccountDialog.setObjectName(u"NewAccountDialog")
        NewAccountDialog.resize(420, 300)
        NewAccountDialog.setModal(True)
        self.mainLayout = QVBoxLayout(NewAccountDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(NewAccountDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(NewAccountDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.roleLabel = QLabel(NewAccountDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(NewAccountDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.pinLabel = QLabel(NewAccountDialog)
        self.pinLabel.setObjectName(u"pinLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(NewAccountDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.repeatLabel = QLabel(NewAccountDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(NewAccountDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.repeatEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.firstNoteLabel = QLabel(NewAccountDialog)
        self.firstNoteLabel.setObjectName(u"firstNoteLabel")
        self.firstNoteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.firstNoteLabel)

        self.hintLabel = QLabel(NewAccountDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(NewAccountDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(NewAccountDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.pinLabel.setBuddy(self.pinEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewAccountDialog)

        QMetaObject.connectSlotsByName(NewAccountDialog)
    # setupUi

    def retranslateUi(self, NewAccountDialog):
        NewAccountDialog.setWindowTitle(QCoreApplication.translate("NewAccountDialog", u"\u65b0\u5efa\u8d26\u6237", None))
        self.nameLabel.setText(QCoreApplication.translate("NewAccountDialog", u"\u59d3\u540d\uff1a", None))
        self.roleLabel.setText(QCoreApplication.translate("NewAccountDialog", u"\u89d2\u8272\uff1a", None))
        self.pinLabel.setText(QCoreApplication.translate("NewAccountDialog", u"\u4e2a\u4eba\u53e3\u4ee4\uff1a", None))
        self.repeatLabel.setText(QCoreApplication.translate("NewAccountDialog", u"\u518d\u8f93\u5165\u4e00\u6b21\uff1a", None))
        self.firstNoteLabel.setText(QCoreApplication.translate("NewAccountDialog", u"\u7b2c\u4e00\u4e2a\u8d26\u6237\u5fc5\u987b\u662f\u4e3b\u4efb\uff1a\u7531\u4e3b\u4efb\u518d\u4e3a\u79d8\u4e66\u548c\u59d4\u5458\u5efa\u7acb\u8d26\u6237\u3002", None))
        self.hintLabel.setText(QCoreApplication.translate("NewAccountDialog", u"\u4e2a\u4eba\u53e3\u4ee4\u81f3\u5c11 6 \u4f4d\u6570\u5b57\uff0c\u4e0d\u80fd\u5168\u662f\u540c\u4e00\u4e2a\u6570\u5b57\uff0c\u4e5f\u4e0d\u80fd\u662f\u8fde\u7eed\u7684\u6570\u5b57\u3002", None))
        self.errorLabel.setText("")
    # retranslateUi

