# Generated from forms/case_window.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QToolButton, QVBoxLayout,
    QWidget)

from rongcuo_desktop.ui.casefile.flowchart import ProcedureChart

class Ui_CaseWindow(object):
    def setupUi(self, CaseWindow):
        if not CaseWindow.objectName():
            CaseWindow.setObjectName(u"CaseWindow")
        CaseWindow.resize(1000, 700)
        self.mainLayout = QVBoxLayout(CaseWindow)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.docLabel = QLabel(CaseWindow)
        self.docLabel.setObjectName(u"docLabel")

        self.headerLayout.addWidget(self.docLabel)

        self.stageLabel = QLabel(CaseWindow)
        self.stageLabel.setObjectName(u"stageLabel")

        self.headerLayout.addWidget(self.stageLabel)

        self.headerSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.draftLabel = QLabel(CaseWindow)
        self.draftLabel.setObjectName(u"draftLabel")

        self.headerLayout.addWidget(self.draftLabel)

        self.undoButton = QToolButton(CaseWindow)
        self.undoButton.setObjectName(u"undoButton")

        self.headerLayout.addWidget(self.undoButton)

        self.redoButton = QToolButton(CaseWindow)
        self.redoButton.setObjectName(u"redoButton")

        self.headerLayout.addWidget(self.redoButton)

        self.saveButton = QPushButton(CaseWindow)
        self.saveButton.setObjectName(u"saveButton")

        self.headerLayout.addWidget(self.saveButton)

        self.moveButton = QPushButton(CaseWindow)
        self.moveButton.setObjectName(u"moveButton")

        self.headerLayout.addWidget(self.moveButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.warningLabel = QLabel(CaseWindow)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setTextFormat(Qt.PlainText)

        self.mainLayout.addWidget(self.warningLabel)

        self.similarLabel = QLabel(CaseWindow)
        self.similarLabel.setObjectName(u"similarLabel")
        self.similarLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.similarLabel)

        self.splitter = QSplitter(CaseWindow)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.chartScroll = QScrollArea(self.splitter)
        self.chartScroll.setObjectName(u"chartScroll")
        self.chartScroll.setWidgetResizable(True)
        self.chartScroll.setFrameShape(QFrame.NoFrame)
        self.chartScroll.setMinimumSize(QSize(170, 0))
        self.chart = ProcedureChart()
        self.chart.setObjectName(u"chart")
        self.chartScroll.setWidget(self.chart)
        self.splitter.addWidget(self.chartScroll)
        self.sections = QTabWidget(self.splitter)
        self.sections.setObjectName(u"sections")
        self.sections.setUsesScrollButtons(True)
        self.sections.setDocumentMode(True)
        self.applicationTab = QWidget()
        self.applicationTab.setObjectName(u"applicationTab")
        self.applicationHost = QVBoxLayout(self.applicationTab)
        self.applicationHost.setObjectName(u"applicationHost")
        self.applicationHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.applicationTab, "")
        self.investigationTab = QWidget()
        self.investigationTab.setObjectName(u"investigationTab")
        self.investigationHost = QVBoxLayout(self.investigationTab)
        self.investigationHost.setObjectName(u"investigationHost")
        self.investigationHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.investigationTab, "")
        self.checklistTab = QWidget()
        self.checklistTab.setObjectName(u"checklistTab")
        self.checklistHost = QVBoxLayout(self.checklistTab)
        self.checklistHost.setObjectName(u"checklistHost")
        self.checklistHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.checklistTab, "")
        self.committeeTab = QWidget()
        self.committeeTab.setObjectName(u"committeeTab")
        self.committeeHost = QVBoxLayout(self.committeeTab)
        self.committeeHost.setObjectName(u"committeeHost")
        self.committeeHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.committeeTab, "")
        self.hearingTab = QWidget()
        self.hearingTab.setObjectName(u"hearingTab")
        self.hearingHost = QVBoxLayout(self.hearingTab)
        self.hearingHost.setObjectName(u"hearingHost")
        self.hearingHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.hearingTab, "")
        self.decisionTab = QWidget()
        self.decisionTab.setObjectName(u"decisionTab")
        self.decisionHost = QVBoxLayout(self.decisionTab)
        self.decisionHost.setObjectName(u"decisionHost")
        self.decisionHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.decisionTab, "")
        self.feedbackTab = QWidget()
        self.feedbackTab.setObjectName(u"feedbackTab")
        self.feedbackHost = QVBoxLayout(self.feedbackTab)
        self.feedbackHost.setObjectName(u"feedbackHost")
        self.feedbackHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.feedbackTab, "")
        self.followUpTab = QWidget()
        self.followUpTab.setObjectName(u"followUpTab")
        self.followUpHost = QVBoxLayout(self.followUpTab)
        self.followUpHost.setObjectName(u"followUpHost")
        self.followUpHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.followUpTab, "")
        self.clearanceTab = QWidget()
        self.clearanceTab.setObjectName(u"clearanceTab")
        self.clearanceHost = QVBoxLayout(self.clearanceTab)
        self.clearanceHost.setObjectName(u"clearanceHost")
        self.clearanceHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.clearanceTab, "")
        self.linksTab = QWidget()
        self.linksTab.setObjectName(u"linksTab")
        self.linksHost = QVBoxLayout(self.linksTab)
        self.linksHost.setObjectName(u"linksHost")
        self.linksHost.setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self.linksTab, "")
        self.splitter.addWidget(self.sections)

        self.mainLayout.addWidget(self.splitter)


        self.retranslateUi(CaseWindow)

        QMetaObject.connectSlotsByName(CaseWindow)
    # setupUi

    def retranslateUi(self, CaseWindow):
        CaseWindow.setWindowTitle(QCoreApplication.translate("CaseWindow", u"\u6848\u4ef6", None))
        self.docLabel.setText("")
        self.stageLabel.setText("")
        self.draftLabel.setText("")
        self.undoButton.setText(QCoreApplication.translate("CaseWindow", u"\u64a4\u9500", None))
        self.redoButton.setText(QCoreApplication.translate("CaseWindow", u"\u91cd\u505a", None))
        self.saveButton.setText(QCoreApplication.translate("CaseWindow", u"\u4fdd\u5b58", None))
        self.moveButton.setText(QCoreApplication.translate("CaseWindow", u"\u63a8\u8fdb\u9636\u6bb5\u2026", None))
        self.warningLabel.setText("")
        self.similarLabel.setText("")
        self.sections.setTabText(self.sections.indexOf(self.applicationTab), QCoreApplication.translate("CaseWindow", u"\u7533\u8bf7\u4e0e\u53d7\u7406", None))
        self.sections.setTabText(self.sections.indexOf(self.investigationTab), QCoreApplication.translate("CaseWindow", u"\u8c03\u67e5\u6838\u5b9e", None))
        self.sections.setTabText(self.sections.indexOf(self.checklistTab), QCoreApplication.translate("CaseWindow", u"\u7814\u5224\u6e05\u5355", None))
        self.sections.setTabText(self.sections.indexOf(self.committeeTab), QCoreApplication.translate("CaseWindow", u"\u59d4\u5458\u4f1a", None))
        self.sections.setTabText(self.sections.indexOf(self.hearingTab), QCoreApplication.translate("CaseWindow", u"\u542c\u8bc1\u4f1a\u5546", None))
        self.sections.setTabText(self.sections.indexOf(self.decisionTab), QCoreApplication.translate("CaseWindow", u"\u8ba4\u5b9a\u4e0e\u8fd0\u7528", None))
        self.sections.setTabText(self.sections.indexOf(self.feedbackTab), QCoreApplication.translate("CaseWindow", u"\u53cd\u9988\u4e0e\u516c\u5f00", None))
        self.sections.setTabText(self.sections.indexOf(self.followUpTab), QCoreApplication.translate("CaseWindow", u"\u5907\u6848\u4e0e\u56de\u8bbf", None))
        self.sections.setTabText(self.sections.indexOf(self.clearanceTab), QCoreApplication.translate("CaseWindow", u"\u6f84\u6e05\u6b63\u540d", None))
        self.sections.setTabText(self.sections.indexOf(self.linksTab), QCoreApplication.translate("CaseWindow", u"\u5173\u8054\u4e0e\u5178\u578b", None))
    # retranslateUi

