# Generated from forms/backup_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(520, 220)
        self.mainLayout = QVBoxLayout(BackupDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(BackupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(BackupDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderRow.addWidget(self.folderEdit)

        self.browseButton = QPushButton(BackupDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.folderRow.addWidget(self.browseButton)


        self.mainLayout.addLayout(self.folderRow)

        self.progressBar = QProgressBar(BackupDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)
        self.progressBar.setTextVisible(False)

        self.mainLayout.addWidget(self.progressBar)

        self.statusLabel = QLabel(BackupDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.startButton = QPushButton(BackupDialog)
        self.startButton.setObjectName(u"startButton")

        self.buttonRow.addWidget(self.startButton)

        self.cancelButton = QPushButton(BackupDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(BackupDialog)

        self.startButton.setDefault(True)


        QMetaObject.connectSlotsByName(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"\u5907\u4efd\u5230\u2026", None))
        self.introLabel.setText(QCoreApplication.translate("BackupDialog", u"\u5907\u4efd\u6587\u4ef6\u5df2\u52a0\u5bc6\uff0c\u53ea\u80fd\u7528\u6062\u590d\u53e3\u4ee4\u6253\u5f00\uff0c\u53ef\u4ee5\u653e\u5728U\u76d8\u6216\u5176\u4ed6\u7535\u8111\u4e0a\u3002\u6062\u590d\u65f6\u4f1a\u5148\u5b8c\u6574\u68c0\u67e5\u5907\u4efd\uff0c\u5f53\u524d\u6570\u636e\u5e93\u4f1a\u5148\u539f\u6837\u4fdd\u7559\u3002", None))
        self.folderEdit.setPlaceholderText(QCoreApplication.translate("BackupDialog", u"\u9009\u62e9\u5907\u4efd\u4fdd\u5b58\u5230\u7684\u6587\u4ef6\u5939", None))
        self.browseButton.setText(QCoreApplication.translate("BackupDialog", u"\u6d4f\u89c8\u2026", None))
        self.statusLabel.setText("")
        self.startButton.setText(QCoreApplication.translate("BackupDialog", u"\u5f00\u59cb\u5907\u4efd", None))
        self.cancelButton.setText(QCoreApplication.translate("BackupDialog", u"\u53d6\u6d88", None))
    # retranslateUi

