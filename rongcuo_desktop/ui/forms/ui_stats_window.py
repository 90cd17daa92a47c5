# Generated from forms/stats_window.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_StatsWindow(object):
    def setupUi(self, StatsWindow):
        if not StatsWindow.objectName():
            StatsWindow.setObjectName(u"StatsWindow")
        StatsWindow.resize(900, 640)
        self.mainLayout = QVBoxLayout(StatsWindow)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.scopeLabel = QLabel(StatsWindow)
        self.scopeLabel.setObjectName(u"scopeLabel")
        self.scopeLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.scopeLabel.sizePolicy().hasHeightForWidth())
        self.scopeLabel.setSizePolicy(sizePolicy)

        self.topLayout.addWidget(self.scopeLabel)

        self.breakdownCaption = QLabel(StatsWindow)
        self.breakdownCaption.setObjectName(u"breakdownCaption")

        self.topLayout.addWidget(self.breakdownCaption)

        self.breakdownCombo = QComboBox(StatsWindow)
        self.breakdownCombo.setObjectName(u"breakdownCombo")
        self.breakdownCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.topLayout.addWidget(self.breakdownCombo)

        self.refreshButton = QPushButton(StatsWindow)
        self.refreshButton.setObjectName(u"refreshButton")

        self.topLayout.addWidget(self.refreshButton)

        self.exportButton = QPushButton(StatsWindow)
        self.exportButton.setObjectName(u"exportButton")

        self.topLayout.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.topLayout)

        self.splitter = QSplitter(StatsWindow)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.chartHost = QWidget(self.splitter)
        self.chartHost.setObjectName(u"chartHost")
        self.chartLayout = QVBoxLayout(self.chartHost)
        self.chartLayout.setObjectName(u"chartLayout")
        self.chartLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.chartHost)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.splitter.addWidget(self.table)

        self.mainLayout.addWidget(self.splitter)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.noteLabel = QLabel(StatsWindow)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.noteLabel.sizePolicy().hasHeightForWidth())
        self.noteLabel.setSizePolicy(sizePolicy)

        self.bottomLayout.addWidget(self.noteLabel)

        self.closeButton = QPushButton(StatsWindow)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomLayout)

#if QT_CONFIG(shortcut)
        self.breakdownCaption.setBuddy(self.breakdownCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StatsWindow)

        QMetaObject.connectSlotsByName(StatsWindow)
    # setupUi

    def retranslateUi(self, StatsWindow):
        StatsWindow.setWindowTitle(QCoreApplication.translate("StatsWindow", u"\u6848\u4ef6\u7edf\u8ba1", None))
        self.scopeLabel.setText(QCoreApplication.translate("StatsWindow", u"\u6b63\u5728\u7edf\u8ba1\u2026", None))
        self.breakdownCaption.setText(QCoreApplication.translate("StatsWindow", u"\u7edf\u8ba1\u9879(&S)", None))
        self.refreshButton.setText(QCoreApplication.translate("StatsWindow", u"\u5237\u65b0(&R)", None))
        self.exportButton.setText(QCoreApplication.translate("StatsWindow", u"\u5bfc\u51fa Excel(&E)\u2026", None))
        self.noteLabel.setText(QCoreApplication.translate("StatsWindow", u"\u53ea\u542b\u6c47\u603b\u6570\u5b57\uff0c\u4e0d\u542b\u5f53\u4e8b\u4eba\u59d3\u540d\u3001\u6587\u53f7\u7b49\u4e2a\u4eba\u4fe1\u606f\u3002", None))
        self.closeButton.setText(QCoreApplication.translate("StatsWindow", u"\u5173\u95ed", None))
    # retranslateUi

