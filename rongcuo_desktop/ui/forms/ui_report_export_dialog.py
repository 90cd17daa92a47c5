# Generated from forms/report_export_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ReportExportDialog(object):
    def setupUi(self, ReportExportDialog):
        if not ReportExportDialog.objectName():
            ReportExportDialog.setObjectName(u"ReportExportDialog")
        ReportExportDialog.resize(860, 680)
        self.mainLayout = QVBoxLayout(ReportExportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.choiceRow = QHBoxLayout()
        self.choiceRow.setObjectName(u"choiceRow")
        self.caseLabel = QLabel(ReportExportDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.choiceRow.addWidget(self.caseLabel)

        self.choiceSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choiceRow.addItem(self.choiceSpacer)

        self.kindLabel = QLabel(ReportExportDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.choiceRow.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(ReportExportDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.choiceRow.addWidget(self.kindCombo)

        self.publicCheck = QCheckBox(ReportExportDialog)
        self.publicCheck.setObjectName(u"publicCheck")

        self.choiceRow.addWidget(self.publicCheck)


        self.mainLayout.addLayout(self.choiceRow)

        self.previewArea = QScrollArea(ReportExportDialog)
        self.previewArea.setObjectName(u"previewArea")
        self.previewArea.setWidgetResizable(True)
        self.previewArea.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.pagesWidget = QWidget()
        self.pagesWidget.setObjectName(u"pagesWidget")
        self.pagesLayout = QVBoxLayout(self.pagesWidget)
        self.pagesLayout.setSpacing(12)
        self.pagesLayout.setObjectName(u"pagesLayout")
        self.placeholderLabel = QLabel(self.pagesWidget)
        self.placeholderLabel.setObjectName(u"placeholderLabel")
        self.placeholderLabel.setAlignment(Qt.AlignCenter)
        self.placeholderLabel.setWordWrap(True)
        self.placeholderLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.pagesLayout.addWidget(self.placeholderLabel)

        self.previewArea.setWidget(self.pagesWidget)

        self.mainLayout.addWidget(self.previewArea)

        self.busyBar = QProgressBar(ReportExportDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximumSize(QSize(16777215, 6))

        self.mainLayout.addWidget(self.busyBar)

        self.statusLabel = QLabel(ReportExportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.packageButton = QPushButton(ReportExportDialog)
        self.packageButton.setObjectName(u"packageButton")
        self.packageButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.packageButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(ReportExportDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.closeButton = QPushButton(ReportExportDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportExportDialog)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReportExportDialog)
    # setupUi

    def retranslateUi(self, ReportExportDialog):
        ReportExportDialog.setWindowTitle(QCoreApplication.translate("ReportExportDialog", u"\u5bfc\u51fa\u5c01\u5b58\u7684\u6587\u4ef6", None))
        self.kindLabel.setText(QCoreApplication.translate("ReportExportDialog", u"\u6587\u4ef6\uff1a", None))
        self.publicCheck.setText(QCoreApplication.translate("ReportExportDialog", u"\u516c\u5f00\u7248\uff08\u59d3\u540d\u9690\u53bb\uff09", None))
#if QT_CONFIG(tooltip)
        self.publicCheck.setToolTip(QCoreApplication.translate("ReportExportDialog", u"\u5f53\u4e8b\u4eba\u548c\u59d4\u5458\u7684\u59d3\u540d\u6309\u201c\u8c22\u67d0\u67d0\u201d\u65b9\u5f0f\u9690\u53bb\uff0c\u7528\u4e8e\u4e8b\u9879\u516c\u5f00", None))
#endif // QT_CONFIG(tooltip)
        self.packageButton.setText(QCoreApplication.translate("ReportExportDialog", u"\u5bfc\u51fa\u5907\u6848\u5305\u2026", None))
#if QT_CONFIG(tooltip)
        self.packageButton.setToolTip(QCoreApplication.translate("ReportExportDialog", u"\u4e09\u4efd\u6587\u4ef6\u53ca\u5176\u516c\u5f00\u7248\u3001\u6848\u4ef6\u6587\u4ef6\u3001\u7b7e\u540d\u7684\u6e05\u5355\u548c\u6839\u8bc1\u4e66\uff0c\u6253\u5305\u4e3a\u4e00\u4e2a .zip \u62a5\u9001\u5907\u6848", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("ReportExportDialog", u"\u4fdd\u5b58\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("ReportExportDialog", u"\u5173\u95ed", None))
    # retranslateUi

