# Generated from forms/case_workbench.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CaseWorkbench(object):
    def setupUi(self, CaseWorkbench):
        if not CaseWorkbench.objectName():
            CaseWorkbench.setObjectName(u"CaseWorkbench")
        CaseWorkbench.resize(640, 260)
        self.mainLayout = QVBoxLayout(CaseWorkbench)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterCaption = QLabel(CaseWorkbench)
        self.filterCaption.setObjectName(u"filterCaption")

        self.filterLayout.addWidget(self.filterCaption)

        self.filterCombo = QComboBox(CaseWorkbench)
        self.filterCombo.setObjectName(u"filterCombo")

        self.filterLayout.addWidget(self.filterCombo)

        self.countLabel = QLabel(CaseWorkbench)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setWordWrap(True)

        self.filterLayout.addWidget(self.countLabel)

        self.filterSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.mainLayout.addLayout(self.filterLayout)

        self.dueTree = QTreeWidget(CaseWorkbench)
        self.dueTree.setObjectName(u"dueTree")
        self.dueTree.setRootIsDecorated(False)
        self.dueTree.setUniformRowHeights(True)
        self.dueTree.setAlternatingRowColors(True)
        self.dueTree.setSortingEnabled(True)

        self.mainLayout.addWidget(self.dueTree)

        self.benchButtons = QHBoxLayout()
        self.benchButtons.setObjectName(u"benchButtons")
        self.openButton = QPushButton(CaseWorkbench)
        self.openButton.setObjectName(u"openButton")

        self.benchButtons.addWidget(self.openButton)

        self.visitButton = QPushButton(CaseWorkbench)
        self.visitButton.setObjectName(u"visitButton")

        self.benchButtons.addWidget(self.visitButton)

        self.refreshButton = QPushButton(CaseWorkbench)
        self.refreshButton.setObjectName(u"refreshButton")

        self.benchButtons.addWidget(self.refreshButton)

        self.benchSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.benchButtons.addItem(self.benchSpacer)


        self.mainLayout.addLayout(self.benchButtons)


        self.retranslateUi(CaseWorkbench)

        QMetaObject.connectSlotsByName(CaseWorkbench)
    # setupUi

    def retranslateUi(self, CaseWorkbench):
        CaseWorkbench.setWindowTitle(QCoreApplication.translate("CaseWorkbench", u"\u5de5\u4f5c\u53f0", None))
        self.filterCaption.setText(QCoreApplication.translate("CaseWorkbench", u"\u663e\u793a", None))
        self.countLabel.setText("")
        ___qtreewidgetitem = self.dueTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CaseWorkbench", u"\u72b6\u6001", None));
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseWorkbench", u"\u5e94\u529e\u65e5\u671f", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseWorkbench", u"\u4e8b\u9879", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseWorkbench", u"\u6587\u53f7", None));
        self.openButton.setText(QCoreApplication.translate("CaseWorkbench", u"\u6253\u5f00\u6848\u4ef6", None))
        self.visitButton.setText(QCoreApplication.translate("CaseWorkbench", u"\u8bb0\u5f55\u56de\u8bbf\u2026", None))
        self.refreshButton.setText(QCoreApplication.translate("CaseWorkbench", u"\u5237\u65b0", None))
    # retranslateUi

