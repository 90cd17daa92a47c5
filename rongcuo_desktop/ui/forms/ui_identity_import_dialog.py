# Generated from forms/identity_import_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_IdentityImportDialog(object):
    def setupUi(self, IdentityImportDialog):
        if not IdentityImportDialog.objectName():
            IdentityImportDialog.setObjectName(u"IdentityImportDialog")
        IdentityImportDialog.resize(560, 340)
        self.mainLayout = QVBoxLayout(IdentityImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(IdentityImportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.fileLabel = QLabel(IdentityImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(IdentityImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileRow.addWidget(self.fileEdit)

        self.browseButton = QPushButton(IdentityImportDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.fileRow.addWidget(self.browseButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.passwordLabel = QLabel(IdentityImportDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(IdentityImportDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.addresseeLabel = QLabel(IdentityImportDialog)
        self.addresseeLabel.setObjectName(u"addresseeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addresseeLabel)

        self.addresseeEdit = QLineEdit(IdentityImportDialog)
        self.addresseeEdit.setObjectName(u"addresseeEdit")
        self.addresseeEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addresseeEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(IdentityImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(IdentityImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.addresseeLabel.setBuddy(self.addresseeEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IdentityImportDialog)

        QMetaObject.connectSlotsByName(IdentityImportDialog)
    # setupUi

    def retranslateUi(self, IdentityImportDialog):
        IdentityImportDialog.setWindowTitle(QCoreApplication.translate("IdentityImportDialog", u"\u5bfc\u5165 PKCS#12", None))
        self.introLabel.setText(QCoreApplication.translate("IdentityImportDialog", u"\u5bfc\u5165\u672c\u5355\u4f4d CA \u7b7e\u53d1\u7684 PKCS#12 \u6587\u4ef6\uff08.p12 \u6216 .pfx\uff0c\u542b\u79c1\u94a5\u3001\u7b7e\u540d\u8bc1\u4e66\u548c\u76f4\u5230\u6839\u8bc1\u4e66\u7684\u8bc1\u4e66\u94fe\uff09\u3002\u79c1\u94a5\u53ea\u4fdd\u5b58\u5728\u52a0\u5bc6\u7684\u6848\u4ef6\u5e93\u4e2d\uff0c\u4e0d\u53e6\u5b58\u4e3a\u6587\u4ef6\u3002", None))
        self.fileLabel.setText(QCoreApplication.translate("IdentityImportDialog", u"PKCS#12 \u6587\u4ef6\uff1a", None))
        self.browseButton.setText(QCoreApplication.translate("IdentityImportDialog", u"\u9009\u62e9\u2026", None))
        self.passwordLabel.setText(QCoreApplication.translate("IdentityImportDialog", u"\u6587\u4ef6\u5bc6\u7801\uff1a", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("IdentityImportDialog", u"\u7b7e\u53d1\u5355\u4f4d\u544a\u77e5\u7684\u5bc6\u7801\uff08\u6ca1\u6709\u5219\u7559\u7a7a\uff09", None))
        self.addresseeLabel.setText(QCoreApplication.translate("IdentityImportDialog", u"\u4e3b\u9001\u673a\u5173\uff1a", None))
        self.addresseeEdit.setPlaceholderText(QCoreApplication.translate("IdentityImportDialog", u"\u5907\u6848\u62a5\u544a\u7684\u4e3b\u9001\u673a\u5173\uff0c\u5982\uff1a\u4e2d\u5171\u67d0\u533a\u7eaa\u59d4\u76d1\u59d4", None))
    # retranslateUi

