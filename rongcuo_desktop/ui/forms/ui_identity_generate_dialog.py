# Generated from forms/identity_generate_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_IdentityGenerateDialog(object):
    def setupUi(self, IdentityGenerateDialog):
        if not IdentityGenerateDialog.objectName():
            IdentityGenerateDialog.setObjectName(u"IdentityGenerateDialog")
        IdentityGenerateDialog.resize(560, 420)
        self.mainLayout = QVBoxLayout(IdentityGenerateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.currentLabel = QLabel(IdentityGenerateDialog)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setWordWrap(True)
        self.currentLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.currentLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.committeeLabel = QLabel(IdentityGenerateDialog)
        self.committeeLabel.setObjectName(u"committeeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.committeeLabel)

        self.committeeEdit = QLineEdit(IdentityGenerateDialog)
        self.committeeEdit.setObjectName(u"committeeEdit")
        self.committeeEdit.setMaxLength(64)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.committeeEdit)

        self.addresseeLabel = QLabel(IdentityGenerateDialog)
        self.addresseeLabel.setObjectName(u"addresseeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addresseeLabel)

        self.addresseeEdit = QLineEdit(IdentityGenerateDialog)
        self.addresseeEdit.setObjectName(u"addresseeEdit")
        self.addresseeEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addresseeEdit)

        self.yearsLabel = QLabel(IdentityGenerateDialog)
        self.yearsLabel.setObjectName(u"yearsLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.yearsLabel)

        self.yearsSpin = QSpinBox(IdentityGenerateDialog)
        self.yearsSpin.setObjectName(u"yearsSpin")
        self.yearsSpin.setMinimum(1)
        self.yearsSpin.setMaximum(100)
        self.yearsSpin.setValue(30)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.yearsSpin)


        self.mainLayout.addLayout(self.formLayout)

        self.noteLabel = QLabel(IdentityGenerateDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.errorLabel = QLabel(IdentityGenerateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(IdentityGenerateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.committeeLabel.setBuddy(self.committeeEdit)
        self.addresseeLabel.setBuddy(self.addresseeEdit)
        self.yearsLabel.setBuddy(self.yearsSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IdentityGenerateDialog)

        QMetaObject.connectSlotsByName(IdentityGenerateDialog)
    # setupUi

    def retranslateUi(self, IdentityGenerateDialog):
        IdentityGenerateDialog.setWindowTitle(QCoreApplication.translate("IdentityGenerateDialog", u"\u751f\u6210\u7b7e\u540d\u8eab\u4efd", None))
        self.committeeLabel.setText(QCoreApplication.translate("IdentityGenerateDialog", u"\u59d4\u5458\u4f1a\u540d\u79f0\uff1a", None))
        self.committeeEdit.setPlaceholderText(QCoreApplication.translate("IdentityGenerateDialog", u"\u5982\uff1a\u67d0\u533a\u5bb9\u9519\u514d\u8d23\u59d4\u5458\u4f1a\uff08\u5199\u5165\u8bc1\u4e66\u548c\u6587\u4ef6\u7684\u53d1\u6587\u673a\u5173\uff09", None))
        self.addresseeLabel.setText(QCoreApplication.translate("IdentityGenerateDialog", u"\u4e3b\u9001\u673a\u5173\uff1a", None))
        self.addresseeEdit.setPlaceholderText(QCoreApplication.translate("IdentityGenerateDialog", u"\u5907\u6848\u62a5\u544a\u7684\u4e3b\u9001\u673a\u5173\uff0c\u5982\uff1a\u4e2d\u5171\u67d0\u533a\u7eaa\u59d4\u76d1\u59d4", None))
        self.yearsLabel.setText(QCoreApplication.translate("IdentityGenerateDialog", u"\u6709\u6548\u671f\uff1a", None))
        self.yearsSpin.setSuffix(QCoreApplication.translate("IdentityGenerateDialog", u" \u5e74", None))
    # retranslateUi

