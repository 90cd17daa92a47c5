# Generated from forms/verify_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_VerifyDialog(object):
    def setupUi(self, VerifyDialog):
        if not VerifyDialog.objectName():
            VerifyDialog.setObjectName(u"VerifyDialog")
        VerifyDialog.resize(760, 620)
        self.mainLayout = QVBoxLayout(VerifyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(VerifyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.inputGrid = QGridLayout()
        self.inputGrid.setObjectName(u"inputGrid")
        self.fileLabel = QLabel(VerifyDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.inputGrid.addWidget(self.fileLabel, 0, 0, 1, 1)

        self.fileEdit = QLineEdit(VerifyDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.inputGrid.addWidget(self.fileEdit, 0, 1, 1, 1)

        self.fileButton = QPushButton(VerifyDialog)
        self.fileButton.setObjectName(u"fileButton")
        self.fileButton.setAutoDefault(False)

        self.inputGrid.addWidget(self.fileButton, 0, 2, 1, 1)

        self.rootLabel = QLabel(VerifyDialog)
        self.rootLabel.setObjectName(u"rootLabel")

        self.inputGrid.addWidget(self.rootLabel, 1, 0, 1, 1)

        self.rootEdit = QLineEdit(VerifyDialog)
        self.rootEdit.setObjectName(u"rootEdit")

        self.inputGrid.addWidget(self.rootEdit, 1, 1, 1, 1)

        self.rootButton = QPushButton(VerifyDialog)
        self.rootButton.setObjectName(u"rootButton")
        self.rootButton.setAutoDefault(False)

        self.inputGrid.addWidget(self.rootButton, 1, 2, 1, 1)

        self.rootPrintLabel = QLabel(VerifyDialog)
        self.rootPrintLabel.setObjectName(u"rootPrintLabel")
        self.rootPrintLabel.setWordWrap(True)
        self.rootPrintLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.inputGrid.addWidget(self.rootPrintLabel, 2, 1, 1, 2)


        self.mainLayout.addLayout(self.inputGrid)

        self.verdictRow = QHBoxLayout()
        self.verdictRow.setObjectName(u"verdictRow")
        self.verdictLabel = QLabel(VerifyDialog)
        self.verdictLabel.setObjectName(u"verdictLabel")
        self.verdictLabel.setWordWrap(True)
        self.verdictLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.verdictRow.addWidget(self.verdictLabel)

        self.verifyButton = QPushButton(VerifyDialog)
        self.verifyButton.setObjectName(u"verifyButton")

        self.verdictRow.addWidget(self.verifyButton)


        self.mainLayout.addLayout(self.verdictRow)

        self.busyBar = QProgressBar(VerifyDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximumSize(QSize(16777215, 6))

        self.mainLayout.addWidget(self.busyBar)

        self.resultView = QTextBrowser(VerifyDialog)
        self.resultView.setObjectName(u"resultView")
        self.resultView.setOpenLinks(False)

        self.mainLayout.addWidget(self.resultView)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.copyButton = QPushButton(VerifyDialog)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.copyButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(VerifyDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
        self.rootLabel.setBuddy(self.rootEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(VerifyDialog)

        self.verifyButton.setDefault(True)


        QMetaObject.connectSlotsByName(VerifyDialog)
    # setupUi

    def retranslateUi(self, VerifyDialog):
        VerifyDialog.setWindowTitle(QCoreApplication.translate("VerifyDialog", u"\u9a8c\u8bc1\u6587\u4ef6", None))
        self.introLabel.setText(QCoreApplication.translate("VerifyDialog", u"\u9a8c\u8bc1\u59d4\u5458\u4f1a\u5c01\u5b58\u7684 PDF \u6587\u4ef6\u6216\u5907\u6848\u5305\uff08.zip\uff09\uff1a\u7b7e\u540d\u662f\u5426\u5b8c\u597d\uff0c\u7b7e\u540d\u540e\u662f\u5426\u88ab\u6539\u52a8\uff0c\u662f\u5426\u7531\u60a8\u4fe1\u4efb\u7684\u6839\u8bc1\u4e66\u7b7e\u53d1\u3002\u5168\u7a0b\u79bb\u7ebf\uff0c\u4e0d\u9700\u8981\u6848\u4ef6\u5e93\u3002", None))
        self.fileLabel.setText(QCoreApplication.translate("VerifyDialog", u"\u8981\u9a8c\u8bc1\u7684\u6587\u4ef6\uff1a", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("VerifyDialog", u"\u5c01\u5b58\u7684 PDF \u6587\u4ef6\u6216\u5907\u6848\u5305\uff08.zip\uff09", None))
        self.fileButton.setText(QCoreApplication.translate("VerifyDialog", u"\u9009\u62e9\u2026", None))
        self.rootLabel.setText(QCoreApplication.translate("VerifyDialog", u"\u4fe1\u4efb\u7684\u6839\u8bc1\u4e66\uff1a", None))
        self.rootEdit.setPlaceholderText(QCoreApplication.translate("VerifyDialog", u"\u59d4\u5458\u4f1a\u4ea4\u6765\u7684\u6839\u8bc1\u4e66\uff08.pem\uff09", None))
        self.rootButton.setText(QCoreApplication.translate("VerifyDialog", u"\u9009\u62e9\u2026", None))
        self.verifyButton.setText(QCoreApplication.translate("VerifyDialog", u"\u9a8c\u8bc1", None))
        self.copyButton.setText(QCoreApplication.translate("VerifyDialog", u"\u590d\u5236\u7ed3\u679c", None))
        self.closeButton.setText(QCoreApplication.translate("VerifyDialog", u"\u5173\u95ed", None))
    # retranslateUi

