# Generated from forms/scoring_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QProgressBar, QPushButton, QSizePolicy, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_ScoringDialog(object):
    def setupUi(self, ScoringDialog):
        if not ScoringDialog.objectName():
            ScoringDialog.setObjectName(u"ScoringDialog")
        ScoringDialog.resize(900, 640)
        self.mainLayout = QVBoxLayout(ScoringDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(ScoringDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.modeLabel = QLabel(ScoringDialog)
        self.modeLabel.setObjectName(u"modeLabel")
        self.modeLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.modeLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.dimensionList = QListWidget(ScoringDialog)
        self.dimensionList.setObjectName(u"dimensionList")
        self.dimensionList.setMinimumSize(QSize(190, 0))
        self.dimensionList.setMaximumSize(QSize(230, 16777215))
        self.dimensionList.setFocusPolicy(Qt.NoFocus)

        self.bodyLayout.addWidget(self.dimensionList)

        self.dimensionStack = QStackedWidget(ScoringDialog)
        self.dimensionStack.setObjectName(u"dimensionStack")

        self.bodyLayout.addWidget(self.dimensionStack)

        self.bodyLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.bodyLayout)

        self.keysLabel = QLabel(ScoringDialog)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.keysLabel)

        self.missingLabel = QLabel(ScoringDialog)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.missingLabel)

        self.identityBox = QGroupBox(ScoringDialog)
        self.identityBox.setObjectName(u"identityBox")
        self.identityLayout = QGridLayout(self.identityBox)
        self.identityLayout.setObjectName(u"identityLayout")
        self.memberLabel = QLabel(self.identityBox)
        self.memberLabel.setObjectName(u"memberLabel")

        self.identityLayout.addWidget(self.memberLabel, 0, 0, 1, 1)

        self.memberCombo = QComboBox(self.identityBox)
        self.memberCombo.setObjectName(u"memberCombo")

        self.identityLayout.addWidget(self.memberCombo, 0, 1, 1, 1)

        self.pinLabel = QLabel(self.identityBox)
        self.pinLabel.setObjectName(u"pinLabel")

        self.identityLayout.addWidget(self.pinLabel, 1, 0, 1, 1)

        self.pinEdit = QLineEdit(self.identityBox)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)
        self.pinEdit.setInputMethodHints(Qt.ImhDigitsOnly)

        self.identityLayout.addWidget(self.pinEdit, 1, 1, 1, 1)

        self.verifyButton = QPushButton(self.identityBox)
        self.verifyButton.setObjectName(u"verifyButton")
        self.verifyButton.setAutoDefault(False)

        self.identityLayout.addWidget(self.verifyButton, 1, 2, 1, 1)

        self.identityNote = QLabel(self.identityBox)
        self.identityNote.setObjectName(u"identityNote")
        self.identityNote.setWordWrap(True)

        self.identityLayout.addWidget(self.identityNote, 2, 0, 1, 3)

        self.identityLayout.setColumnStretch(1, 1)

        self.mainLayout.addWidget(self.identityBox)

        self.errorLabel = QLabel(ScoringDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(ScoringDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.buttonBox = QDialogButtonBox(ScoringDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.memberCombo)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScoringDialog)

        QMetaObject.connectSlotsByName(ScoringDialog)
    # setupUi

    def retranslateUi(self, ScoringDialog):
        ScoringDialog.setWindowTitle(QCoreApplication.translate("ScoringDialog", u"\u4e94\u7ef4\u8bc4\u5206", None))
        self.titleLabel.setText(QCoreApplication.translate("ScoringDialog", u"\u4e94\u7ef4\u8bc4\u5206", None))
        self.modeLabel.setText("")
        self.keysLabel.setText(QCoreApplication.translate("ScoringDialog", u"\u952e\u76d8\u64cd\u4f5c\uff1a\u6570\u5b57\u952e 1\u20135 \u9009\u62e9\u7b49\u7ea7\uff0cTab \u8f6c\u5230\u7406\u7531\u3001\u518d\u5230\u4e0b\u4e00\u4e2a\u7ef4\u5ea6\uff0cShift+Tab \u8fd4\u56de\u3002", None))
        self.missingLabel.setText("")
        self.identityBox.setTitle(QCoreApplication.translate("ScoringDialog", u"\u8bc4\u5206\u4eba", None))
        self.memberLabel.setText(QCoreApplication.translate("ScoringDialog", u"\u59d4\u5458\uff1a", None))
        self.pinLabel.setText(QCoreApplication.translate("ScoringDialog", u"\u4e2a\u4eba\u53e3\u4ee4\uff1a", None))
        self.verifyButton.setText(QCoreApplication.translate("ScoringDialog", u"\u6838\u5bf9\u53e3\u4ee4\u5e76\u8bfb\u53d6\u672c\u4eba\u5df2\u8bc4", None))
        self.identityNote.setText("")
        self.errorLabel.setText("")
    # retranslateUi

