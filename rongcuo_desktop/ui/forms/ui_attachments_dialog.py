# Generated from forms/attachments_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AttachmentsDialog(object):
    def setupUi(self, AttachmentsDialog):
        if not AttachmentsDialog.objectName():
            AttachmentsDialog.setObjectName(u"AttachmentsDialog")
        AttachmentsDialog.resize(560, 380)
        self.mainLayout = QVBoxLayout(AttachmentsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.attachmentList = QListWidget(AttachmentsDialog)
        self.attachmentList.setObjectName(u"attachmentList")

        self.mainLayout.addWidget(self.attachmentList)

        self.statusLabel = QLabel(AttachmentsDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.addButton = QPushButton(AttachmentsDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttonRow.addWidget(self.addButton)

        self.openButton = QPushButton(AttachmentsDialog)
        self.openButton.setObjectName(u"openButton")

        self.buttonRow.addWidget(self.openButton)

        self.exportButton = QPushButton(AttachmentsDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonRow.addWidget(self.exportButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(AttachmentsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(AttachmentsDialog)

        QMetaObject.connectSlotsByName(AttachmentsDialog)
    # setupUi

    def retranslateUi(self, AttachmentsDialog):
        AttachmentsDialog.setWindowTitle(QCoreApplication.translate("AttachmentsDialog", u"\u9644\u4ef6", None))
        self.statusLabel.setText("")
        self.addButton.setText(QCoreApplication.translate("AttachmentsDialog", u"\u6dfb\u52a0\u2026", None))
        self.openButton.setText(QCoreApplication.translate("AttachmentsDialog", u"\u6253\u5f00", None))
        self.exportButton.setText(QCoreApplication.translate("AttachmentsDialog", u"\u5bfc\u51fa\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("AttachmentsDialog", u"\u5173\u95ed", None))
    # retranslateUi

