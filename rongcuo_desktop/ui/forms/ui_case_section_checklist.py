# Generated from forms/case_section_checklist.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CaseSectionChecklist(object):
    def setupUi(self, CaseSectionChecklist):
        if not CaseSectionChecklist.objectName():
            CaseSectionChecklist.setObjectName(u"CaseSectionChecklist")
        CaseSectionChecklist.resize(760, 560)
        self.checklistTabLayout = QVBoxLayout(CaseSectionChecklist)
        self.checklistTabLayout.setObjectName(u"checklistTabLayout")
        self.checklistHint = QLabel(CaseSectionChecklist)
        self.checklistHint.setObjectName(u"checklistHint")
        self.checklistHint.setWordWrap(True)

        self.checklistTabLayout.addWidget(self.checklistHint)

        self.checklistTree = QTreeWidget(CaseSectionChecklist)
        self.checklistTree.setObjectName(u"checklistTree")
        self.checklistTree.setRootIsDecorated(True)
        self.checklistTree.setUniformRowHeights(False)
        self.checklistTree.setAlternatingRowColors(True)

        self.checklistTabLayout.addWidget(self.checklistTree)

        self.checklistButtons = QHBoxLayout()
        self.checklistButtons.setObjectName(u"checklistButtons")
        self.saveChecklistButton = QPushButton(CaseSectionChecklist)
        self.saveChecklistButton.setObjectName(u"saveChecklistButton")

        self.checklistButtons.addWidget(self.saveChecklistButton)

        self.checklistSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.checklistButtons.addItem(self.checklistSpacer)


        self.checklistTabLayout.addLayout(self.checklistButtons)


        self.retranslateUi(CaseSectionChecklist)

        QMetaObject.connectSlotsByName(CaseSectionChecklist)
    # setupUi

    def retranslateUi(self, CaseSectionChecklist):
        self.checklistHint.setText("")
        ___qtreewidgetitem = self.checklistTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CaseSectionChecklist", u"\u8bf4\u660e", None));
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseSectionChecklist", u"\u51fa\u5904", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseSectionChecklist", u"\u72b6\u6001", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseSectionChecklist", u"\u6761\u76ee", None));
        self.saveChecklistButton.setText(QCoreApplication.translate("CaseSectionChecklist", u"\u4fdd\u5b58\u7814\u5224\u6e05\u5355", None))
        pass
    # retranslateUi

