# Generated from forms/case_library_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QTextBrowser, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CaseLibraryDialog(object):
    def setupUi(self, CaseLibraryDialog):
        if not CaseLibraryDialog.objectName():
            CaseLibraryDialog.setObjectName(u"CaseLibraryDialog")
        CaseLibraryDialog.resize(760, 560)
        CaseLibraryDialog.setModal(True)
        self.mainLayout = QVBoxLayout(CaseLibraryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterGrid = QGridLayout()
        self.filterGrid.setObjectName(u"filterGrid")
        self.situationCaption = QLabel(CaseLibraryDialog)
        self.situationCaption.setObjectName(u"situationCaption")

        self.filterGrid.addWidget(self.situationCaption, 0, 0, 1, 1)

        self.situationCombo = QComboBox(CaseLibraryDialog)
        self.situationCombo.setObjectName(u"situationCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.situationCombo.sizePolicy().hasHeightForWidth())
        self.situationCombo.setSizePolicy(sizePolicy)

        self.filterGrid.addWidget(self.situationCombo, 0, 1, 1, 3)

        self.fieldCaption = QLabel(CaseLibraryDialog)
        self.fieldCaption.setObjectName(u"fieldCaption")

        self.filterGrid.addWidget(self.fieldCaption, 1, 0, 1, 1)

        self.fieldCombo = QComboBox(CaseLibraryDialog)
        self.fieldCombo.setObjectName(u"fieldCombo")

        self.filterGrid.addWidget(self.fieldCombo, 1, 1, 1, 1)

        self.conclusionCaption = QLabel(CaseLibraryDialog)
        self.conclusionCaption.setObjectName(u"conclusionCaption")

        self.filterGrid.addWidget(self.conclusionCaption, 1, 2, 1, 1)

        self.conclusionCombo = QComboBox(CaseLibraryDialog)
        self.conclusionCombo.setObjectName(u"conclusionCombo")

        self.filterGrid.addWidget(self.conclusionCombo, 1, 3, 1, 1)

        self.searchCaption = QLabel(CaseLibraryDialog)
        self.searchCaption.setObjectName(u"searchCaption")

        self.filterGrid.addWidget(self.searchCaption, 2, 0, 1, 1)

        self.searchEdit = QLineEdit(CaseLibraryDialog)
        self.searchEdit.setObjectName(u"searchEdit")

        self.filterGrid.addWidget(self.searchEdit, 2, 1, 1, 3)


        self.mainLayout.addLayout(self.filterGrid)

        self.libraryTree = QTreeWidget(CaseLibraryDialog)
        self.libraryTree.setObjectName(u"libraryTree")
        self.libraryTree.setRootIsDecorated(False)
        self.libraryTree.setUniformRowHeights(True)
        self.libraryTree.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.libraryTree)

        self.summaryView = QTextBrowser(CaseLibraryDialog)
        self.summaryView.setObjectName(u"summaryView")
        self.summaryView.setOpenLinks(False)

        self.mainLayout.addWidget(self.summaryView)

        self.buttonBox = QDialogButtonBox(CaseLibraryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(CaseLibraryDialog)

        QMetaObject.connectSlotsByName(CaseLibraryDialog)
    # setupUi

    def retranslateUi(self, CaseLibraryDialog):
        CaseLibraryDialog.setWindowTitle(QCoreApplication.translate("CaseLibraryDialog", u"\u5178\u578b\u6848\u4f8b\u5e93", None))
        self.situationCaption.setText(QCoreApplication.translate("CaseLibraryDialog", u"\u60c5\u5f62", None))
        self.fieldCaption.setText(QCoreApplication.translate("CaseLibraryDialog", u"\u9886\u57df", None))
        self.conclusionCaption.setText(QCoreApplication.translate("CaseLibraryDialog", u"\u7ed3\u8bba", None))
        self.searchCaption.setText(QCoreApplication.translate("CaseLibraryDialog", u"\u6458\u8981", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CaseLibraryDialog", u"\u6458\u8981\u6216\u6587\u53f7\u4e2d\u7684\u5b57\u8bcd", None))
        ___qtreewidgetitem = self.libraryTree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("CaseLibraryDialog", u"\u8ba4\u5b9a\u65e5\u671f", None));
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CaseLibraryDialog", u"\u7ed3\u8bba", None));
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseLibraryDialog", u"\u9886\u57df", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseLibraryDialog", u"\u5f53\u4e8b\u4eba", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseLibraryDialog", u"\u6587\u53f7", None));
    # retranslateUi

