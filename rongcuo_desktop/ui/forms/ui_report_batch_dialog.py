# Generated from forms/report_batch_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ReportBatchDialog(object):
    def setupUi(self, ReportBatchDialog):
        if not ReportBatchDialog.objectName():
            ReportBatchDialog.setObjectName(u"ReportBatchDialog")
        ReportBatchDialog.resize(600, 520)
        self.mainLayout = QVBoxLayout(ReportBatchDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ReportBatchDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.whatBox = QGroupBox(ReportBatchDialog)
        self.whatBox.setObjectName(u"whatBox")
        self.whatLayout = QGridLayout(self.whatBox)
        self.whatLayout.setObjectName(u"whatLayout")
        self.filingCheck = QCheckBox(self.whatBox)
        self.filingCheck.setObjectName(u"filingCheck")
        self.filingCheck.setChecked(True)

        self.whatLayout.addWidget(self.filingCheck, 0, 0, 1, 1)

        self.opinionCheck = QCheckBox(self.whatBox)
        self.opinionCheck.setObjectName(u"opinionCheck")

        self.whatLayout.addWidget(self.opinionCheck, 0, 1, 1, 1)

        self.feedbackCheck = QCheckBox(self.whatBox)
        self.feedbackCheck.setObjectName(u"feedbackCheck")

        self.whatLayout.addWidget(self.feedbackCheck, 1, 0, 1, 1)

        self.packageCheck = QCheckBox(self.whatBox)
        self.packageCheck.setObjectName(u"packageCheck")

        self.whatLayout.addWidget(self.packageCheck, 1, 1, 1, 1)

        self.versionLabel = QLabel(self.whatBox)
        self.versionLabel.setObjectName(u"versionLabel")

        self.whatLayout.addWidget(self.versionLabel, 2, 0, 1, 1)

        self.versionCombo = QComboBox(self.whatBox)
        self.versionCombo.setObjectName(u"versionCombo")

        self.whatLayout.addWidget(self.versionCombo, 2, 1, 1, 1)


        self.mainLayout.addWidget(self.whatBox)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(ReportBatchDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderRow.addWidget(self.folderEdit)

        self.browseButton = QPushButton(ReportBatchDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.folderRow.addWidget(self.browseButton)


        self.mainLayout.addLayout(self.folderRow)

        self.progressBar = QProgressBar(ReportBatchDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)
        self.progressBar.setTextVisible(False)

        self.mainLayout.addWidget(self.progressBar)

        self.statusLabel = QLabel(ReportBatchDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.summaryEdit = QPlainTextEdit(ReportBatchDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setReadOnly(True)
        self.summaryEdit.setLineWrapMode(QPlainTextEdit.WidgetWidth)

        self.mainLayout.addWidget(self.summaryEdit)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.startButton = QPushButton(ReportBatchDialog)
        self.startButton.setObjectName(u"startButton")

        self.buttonRow.addWidget(self.startButton)

        self.cancelButton = QPushButton(ReportBatchDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.versionLabel.setBuddy(self.versionCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportBatchDialog)

        self.startButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReportBatchDialog)
    # setupUi

    def retranslateUi(self, ReportBatchDialog):
        ReportBatchDialog.setWindowTitle(QCoreApplication.translate("ReportBatchDialog", u"\u6279\u91cf\u5bfc\u51fa\u5c01\u5b58\u7684\u6587\u4ef6", None))
        self.whatBox.setTitle(QCoreApplication.translate("ReportBatchDialog", u"\u6bcf\u4ef6\u6848\u4ef6\u5bfc\u51fa", None))
        self.filingCheck.setText(QCoreApplication.translate("ReportBatchDialog", u"\u5907\u6848\u62a5\u544a", None))
        self.opinionCheck.setText(QCoreApplication.translate("ReportBatchDialog", u"\u8ba4\u5b9a\u610f\u89c1\u4e66", None))
        self.feedbackCheck.setText(QCoreApplication.translate("ReportBatchDialog", u"\u7ed3\u679c\u53cd\u9988\u901a\u77e5\u4e66", None))
        self.packageCheck.setText(QCoreApplication.translate("ReportBatchDialog", u"\u5907\u6848\u5305\uff08.zip\uff09", None))
        self.versionLabel.setText(QCoreApplication.translate("ReportBatchDialog", u"\u7248\u672c\uff1a", None))
        self.folderEdit.setPlaceholderText(QCoreApplication.translate("ReportBatchDialog", u"\u9009\u62e9\u4fdd\u5b58\u5230\u7684\u6587\u4ef6\u5939", None))
        self.browseButton.setText(QCoreApplication.translate("ReportBatchDialog", u"\u6d4f\u89c8\u2026", None))
        self.startButton.setText(QCoreApplication.translate("ReportBatchDialog", u"\u5f00\u59cb\u5bfc\u51fa", None))
        self.cancelButton.setText(QCoreApplication.translate("ReportBatchDialog", u"\u5173\u95ed", None))
    # retranslateUi

