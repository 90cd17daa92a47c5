# Generated from forms/setup_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QProgressBar, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.resize(540, 540)
        SetupDialog.setModal(True)
        self.mainLayout = QVBoxLayout(SetupDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(SetupDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(SetupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.warningLabel = QLabel(SetupDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.warningLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.passphraseLabel = QLabel(SetupDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(SetupDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.repeatLabel = QLabel(SetupDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(SetupDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.strengthCaption = QLabel(SetupDialog)
        self.strengthCaption.setObjectName(u"strengthCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.strengthCaption)

        self.strengthBar = QProgressBar(SetupDialog)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximum(4)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(False)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.strengthBar)

        self.strengthLabel = QLabel(SetupDialog)
        self.strengthLabel.setObjectName(u"strengthLabel")
        self.strengthLabel.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strengthLabel)


        self.mainLayout.addLayout(self.formLayout)

        self.keyringLabel = QLabel(SetupDialog)
        self.keyringLabel.setObjectName(u"keyringLabel")
        self.keyringLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.keyringLabel)

        self.requireCheck = QCheckBox(SetupDialog)
        self.requireCheck.setObjectName(u"requireCheck")

        self.mainLayout.addWidget(self.requireCheck)

        self.errorLabel = QLabel(SetupDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(SetupDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.verticalSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SetupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphraseEdit, self.repeatEdit)
        QWidget.setTabOrder(self.repeatEdit, self.requireCheck)

        self.retranslateUi(SetupDialog)

        QMetaObject.connectSlotsByName(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"\u9996\u6b21\u4f7f\u7528\uff1a\u8bbe\u7f6e\u6062\u590d\u53e3\u4ee4", None))
        self.titleLabel.setText(QCoreApplication.translate("SetupDialog", u"\u8bbe\u7f6e\u6062\u590d\u53e3\u4ee4", None))
        self.introLabel.setText(QCoreApplication.translate("SetupDialog", u"\u6848\u4ef6\u5e93\u5728\u672c\u673a\u52a0\u5bc6\u4fdd\u5b58\u3002\u6062\u590d\u53e3\u4ee4\u7528\u4e8e\u5728\u51ed\u636e\u5e93\u4e0d\u53ef\u7528\u6216\u66f4\u6362\u7535\u8111\u65f6\u89e3\u9501\u6848\u4ef6\u5e93\u3002", None))
        self.warningLabel.setText(QCoreApplication.translate("SetupDialog", u"\u8bf7\u7262\u8bb0\u5e76\u59a5\u5584\u4fdd\u7ba1\u6b64\u53e3\u4ee4\u3002\u53e3\u4ee4\u4e00\u65e6\u9057\u5931\uff0c\u4efb\u4f55\u4eba\uff08\u5305\u62ec\u6280\u672f\u4eba\u5458\uff09\u90fd\u65e0\u6cd5\u6062\u590d\u6848\u4ef6\u6570\u636e\u3002", None))
        self.passphraseLabel.setText(QCoreApplication.translate("SetupDialog", u"\u6062\u590d\u53e3\u4ee4\uff1a", None))
        self.repeatLabel.setText(QCoreApplication.translate("SetupDialog", u"\u518d\u6b21\u8f93\u5165\uff1a", None))
        self.strengthCaption.setText(QCoreApplication.translate("SetupDialog", u"\u53e3\u4ee4\u5f3a\u5ea6\uff1a", None))
        self.strengthLabel.setText(QCoreApplication.translate("SetupDialog", u"\u5efa\u8bae\u4f7f\u7528\u81f3\u5c11 12 \u4e2a\u5b57\u7b26\uff0c\u53ef\u7528\u4e00\u53e5\u597d\u8bb0\u7684\u8bdd\u3002", None))
        self.keyringLabel.setText("")
        self.requireCheck.setText(QCoreApplication.translate("SetupDialog", u"\u6bcf\u6b21\u542f\u52a8\u90fd\u9700\u8981\u53e3\u4ee4", None))
        self.errorLabel.setText("")
    # retranslateUi

