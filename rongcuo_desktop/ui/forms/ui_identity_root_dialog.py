# Generated from forms/identity_root_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_IdentityRootDialog(object):
    def setupUi(self, IdentityRootDialog):
        if not IdentityRootDialog.objectName():
            IdentityRootDialog.setObjectName(u"IdentityRootDialog")
        IdentityRootDialog.resize(560, 360)
        self.mainLayout = QVBoxLayout(IdentityRootDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.messageLabel = QLabel(IdentityRootDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.fingerprintTitle = QLabel(IdentityRootDialog)
        self.fingerprintTitle.setObjectName(u"fingerprintTitle")

        self.mainLayout.addWidget(self.fingerprintTitle)

        self.fingerprintLabel = QLabel(IdentityRootDialog)
        self.fingerprintLabel.setObjectName(u"fingerprintLabel")
        self.fingerprintLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.fingerprintLabel.setFrameShape(QFrame.StyledPanel)
        self.fingerprintLabel.setMargin(8)

        self.mainLayout.addWidget(self.fingerprintLabel)

        self.noteLabel = QLabel(IdentityRootDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.copyButton = QPushButton(IdentityRootDialog)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.copyButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(IdentityRootDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(IdentityRootDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(IdentityRootDialog)
    # setupUi

    def retranslateUi(self, IdentityRootDialog):
        IdentityRootDialog.setWindowTitle(QCoreApplication.translate("IdentityRootDialog", u"\u6839\u8bc1\u4e66\u4e0e\u6307\u7eb9", None))
        self.fingerprintTitle.setText(QCoreApplication.translate("IdentityRootDialog", u"\u6839\u8bc1\u4e66\u7684 SHA-256 \u6307\u7eb9\uff1a", None))
        self.noteLabel.setText(QCoreApplication.translate("IdentityRootDialog", u"\u8bf7\u53e6\u884c\uff08\u7535\u8bdd\u6216\u7eb8\u9762\uff0c\u4e0d\u8981\u968f\u6587\u4ef6\u4e00\u8d77\uff09\u628a\u8fd9\u4e2a\u6307\u7eb9\u544a\u77e5\u63a5\u6536\u5907\u6848\u7684\u673a\u5173\u3002\u5bf9\u65b9\u5728\u201c\u9a8c\u8bc1\u6587\u4ef6\u2026\u201d\u4e2d\u9009\u62e9\u6839\u8bc1\u4e66\u540e\u4f1a\u770b\u5230\u5b83\u7684\u6307\u7eb9\uff0c\u4e24\u8005\u4e00\u81f4\u624d\u8bf4\u660e\u6839\u8bc1\u4e66\u786e\u662f\u672c\u59d4\u5458\u4f1a\u7684\u3002", None))
        self.copyButton.setText(QCoreApplication.translate("IdentityRootDialog", u"\u590d\u5236\u6307\u7eb9", None))
        self.closeButton.setText(QCoreApplication.translate("IdentityRootDialog", u"\u5173\u95ed", None))
    # retranslateUi

