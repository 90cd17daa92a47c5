# Generated from forms/import_preview_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QGroupBox, QHeaderView, QLabel,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(680, 560)
        ImportPreviewDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ImportPreviewDialog)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(ImportPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.fileLabel = QLabel(ImportPreviewDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.fileLabel)

        self.casesTree = QTreeWidget(ImportPreviewDialog)
        self.casesTree.setObjectName(u"casesTree")
        self.casesTree.setRootIsDecorated(False)
        self.casesTree.setUniformRowHeights(True)
        self.casesTree.setAlternatingRowColors(True)
        self.casesTree.setSelectionMode(QAbstractItemView.NoSelection)

        self.mainLayout.addWidget(self.casesTree)

        self.existingBox = QGroupBox(ImportPreviewDialog)
        self.existingBox.setObjectName(u"existingBox")
        self.existingLayout = QVBoxLayout(self.existingBox)
        self.existingLayout.setObjectName(u"existingLayout")
        self.existingLabel = QLabel(self.existingBox)
        self.existingLabel.setObjectName(u"existingLabel")
        self.existingLabel.setWordWrap(True)

        self.existingLayout.addWidget(self.existingLabel)

        self.existingList = QListWidget(self.existingBox)
        self.existingList.setObjectName(u"existingList")
        self.existingList.setMaximumSize(QSize(16777215, 110))
        self.existingList.setSelectionMode(QAbstractItemView.NoSelection)

        self.existingLayout.addWidget(self.existingList)


        self.mainLayout.addWidget(self.existingBox)

        self.notesBox = QGroupBox(ImportPreviewDialog)
        self.notesBox.setObjectName(u"notesBox")
        self.notesLayout = QVBoxLayout(self.notesBox)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesEdit = QPlainTextEdit(self.notesBox)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setReadOnly(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 150))

        self.notesLayout.addWidget(self.notesEdit)


        self.mainLayout.addWidget(self.notesBox)

        self.buttonBox = QDialogButtonBox(ImportPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(ImportPreviewDialog)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"\u5bfc\u5165\u6848\u4ef6", None))
        self.summaryLabel.setText("")
        self.fileLabel.setText("")
        ___qtreewidgetitem = self.casesTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ImportPreviewDialog", u"\u8ba4\u5b9a\u7ed3\u8bba", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ImportPreviewDialog", u"\u59d4\u5458\u8bc4\u5206", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ImportPreviewDialog", u"\u6587\u53f7", None));
        self.existingBox.setTitle(QCoreApplication.translate("ImportPreviewDialog", u"\u672c\u5e93\u5df2\u6709\u7684\u6587\u53f7\uff08\u4e0d\u4f1a\u8986\u76d6\uff09", None))
        self.existingLabel.setText("")
        self.notesBox.setTitle(QCoreApplication.translate("ImportPreviewDialog", u"\u8bf7\u6ce8\u610f", None))
    # retranslateUi

