# Generated from forms/case_section_links.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_CaseSectionLinks(object):
    def setupUi(self, CaseSectionLinks):
        if not CaseSectionLinks.objectName():
            CaseSectionLinks.setObjectName(u"CaseSectionLinks")
        CaseSectionLinks.resize(760, 560)
        self.linksTabLayout = QVBoxLayout(CaseSectionLinks)
        self.linksTabLayout.setObjectName(u"linksTabLayout")
        self.evidenceGroup = QGroupBox(CaseSectionLinks)
        self.evidenceGroup.setObjectName(u"evidenceGroup")
        self.evidenceLayout = QVBoxLayout(self.evidenceGroup)
        self.evidenceLayout.setObjectName(u"evidenceLayout")
        self.evidenceTree = QTreeWidget(self.evidenceGroup)
        self.evidenceTree.setObjectName(u"evidenceTree")
        self.evidenceTree.setRootIsDecorated(False)
        self.evidenceTree.setUniformRowHeights(True)
        self.evidenceTree.setAlternatingRowColors(True)

        self.evidenceLayout.addWidget(self.evidenceTree)

        self.evidenceButtons = QHBoxLayout()
        self.evidenceButtons.setObjectName(u"evidenceButtons")
        self.preFilingCombo = QComboBox(self.evidenceGroup)
        self.preFilingCombo.setObjectName(u"preFilingCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.preFilingCombo.sizePolicy().hasHeightForWidth())
        self.preFilingCombo.setSizePolicy(sizePolicy)

        self.evidenceButtons.addWidget(self.preFilingCombo)

        self.linkButton = QPushButton(self.evidenceGroup)
        self.linkButton.setObjectName(u"linkButton")

        self.evidenceButtons.addWidget(self.linkButton)


        self.evidenceLayout.addLayout(self.evidenceButtons)


        self.linksTabLayout.addWidget(self.evidenceGroup)

        self.typicalGroup = QGroupBox(CaseSectionLinks)
        self.typicalGroup.setObjectName(u"typicalGroup")
        self.typicalLayout = QVBoxLayout(self.typicalGroup)
        self.typicalLayout.setObjectName(u"typicalLayout")
        self.typicalState = QLabel(self.typicalGroup)
        self.typicalState.setObjectName(u"typicalState")
        self.typicalState.setWordWrap(True)

        self.typicalLayout.addWidget(self.typicalState)

        self.typicalSummaryEdit = QPlainTextEdit(self.typicalGroup)
        self.typicalSummaryEdit.setObjectName(u"typicalSummaryEdit")
        self.typicalSummaryEdit.setMinimumSize(QSize(0, 60))
        self.typicalSummaryEdit.setTabChangesFocus(True)

        self.typicalLayout.addWidget(self.typicalSummaryEdit)

        self.typicalButtons = QHBoxLayout()
        self.typicalButtons.setObjectName(u"typicalButtons")
        self.maskButton = QPushButton(self.typicalGroup)
        self.maskButton.setObjectName(u"maskButton")

        self.typicalButtons.addWidget(self.maskButton)

        self.markTypicalButton = QPushButton(self.typicalGroup)
        self.markTypicalButton.setObjectName(u"markTypicalButton")

        self.typicalButtons.addWidget(self.markTypicalButton)

        self.typicalSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.typicalButtons.addItem(self.typicalSpacer)


        self.typicalLayout.addLayout(self.typicalButtons)


        self.linksTabLayout.addWidget(self.typicalGroup)

        self.similarGroup = QGroupBox(CaseSectionLinks)
        self.similarGroup.setObjectName(u"similarGroup")
        self.similarLayout = QVBoxLayout(self.similarGroup)
        self.similarLayout.setObjectName(u"similarLayout")
        self.similarTree = QTreeWidget(self.similarGroup)
        self.similarTree.setObjectName(u"similarTree")
        self.similarTree.setRootIsDecorated(False)
        self.similarTree.setUniformRowHeights(True)
        self.similarTree.setAlternatingRowColors(True)

        self.similarLayout.addWidget(self.similarTree)


        self.linksTabLayout.addWidget(self.similarGroup)


        self.retranslateUi(CaseSectionLinks)

        QMetaObject.connectSlotsByName(CaseSectionLinks)
    # setupUi

    def retranslateUi(self, CaseSectionLinks):
        self.evidenceGroup.setTitle(QCoreApplication.translate("CaseSectionLinks", u"\u5173\u8054\u7684\u4e8b\u524d\u5907\u6848\uff08\u4f5c\u4e3a\u8bc1\u636e\uff09", None))
        ___qtreewidgetitem = self.evidenceTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseSectionLinks", u"\u8bf4\u660e", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseSectionLinks", u"\u5355\u4f4d", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseSectionLinks", u"\u6587\u53f7", None));
        self.linkButton.setText(QCoreApplication.translate("CaseSectionLinks", u"\u5173\u8054", None))
        self.typicalGroup.setTitle(QCoreApplication.translate("CaseSectionLinks", u"\u5178\u578b\u6848\u4f8b", None))
        self.typicalState.setText("")
        self.typicalSummaryEdit.setPlaceholderText(QCoreApplication.translate("CaseSectionLinks", u"\u6458\u8981\uff08\u9690\u53bb\u59d3\u540d\uff0c\u5982\u201c\u8c22\u67d0\u67d0\u201d\uff09", None))
        self.maskButton.setText(QCoreApplication.translate("CaseSectionLinks", u"\u9690\u53bb\u59d3\u540d", None))
        self.markTypicalButton.setText(QCoreApplication.translate("CaseSectionLinks", u"\u5217\u4e3a\u5178\u578b\u6848\u4f8b", None))
        self.similarGroup.setTitle(QCoreApplication.translate("CaseSectionLinks", u"\u60c5\u5f62\u76f8\u540c\u7684\u5178\u578b\u6848\u4f8b", None))
        ___qtreewidgetitem1 = self.similarTree.headerItem()
        ___qtreewidgetitem1.setText(3, QCoreApplication.translate("CaseSectionLinks", u"\u7ed3\u8bba", None));
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("CaseSectionLinks", u"\u9886\u57df", None));
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("CaseSectionLinks", u"\u5f53\u4e8b\u4eba", None));
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("CaseSectionLinks", u"\u6587\u53f7", None));
        pass
    # retranslateUi

