# Generated from forms/restore_offer_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_RestoreOfferDialog(object):
    def setupUi(self, RestoreOfferDialog):
        if not RestoreOfferDialog.objectName():
            RestoreOfferDialog.setObjectName(u"RestoreOfferDialog")
        RestoreOfferDialog.resize(520, 200)
        RestoreOfferDialog.setModal(True)
        self.mainLayout = QVBoxLayout(RestoreOfferDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.messageLabel = QLabel(RestoreOfferDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.restoreButton = QPushButton(RestoreOfferDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonRow.addWidget(self.restoreButton)

        self.quitButton = QPushButton(RestoreOfferDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.buttonRow.addWidget(self.quitButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(RestoreOfferDialog)

        self.restoreButton.setDefault(True)


        QMetaObject.connectSlotsByName(RestoreOfferDialog)
    # setupUi

    def retranslateUi(self, RestoreOfferDialog):
        RestoreOfferDialog.setWindowTitle(QCoreApplication.translate("RestoreOfferDialog", u"\u6570\u636e\u5e93\u5df2\u635f\u574f", None))
        self.messageLabel.setText("")
        self.restoreButton.setText(QCoreApplication.translate("RestoreOfferDialog", u"\u4ece\u8be5\u5907\u4efd\u6062\u590d", None))
        self.quitButton.setText(QCoreApplication.translate("RestoreOfferDialog", u"\u9000\u51fa\u7a0b\u5e8f", None))
    # retranslateUi

