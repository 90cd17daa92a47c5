# Generated from forms/import_issues_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportIssuesDialog(object):
    def setupUi(self, ImportIssuesDialog):
        if not ImportIssuesDialog.objectName():
            ImportIssuesDialog.setObjectName(u"ImportIssuesDialog")
        ImportIssuesDialog.resize(720, 460)
        ImportIssuesDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ImportIssuesDialog)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.messageLabel = QLabel(ImportIssuesDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.issuesTable = QTableWidget(ImportIssuesDialog)
        if (self.issuesTable.columnCount() < 2):
            self.issuesTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.issuesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.issuesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.issuesTable.setObjectName(u"issuesTable")
        self.issuesTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.issuesTable.setAlternatingRowColors(True)
        self.issuesTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.issuesTable.setWordWrap(True)
        self.issuesTable.setColumnCount(2)
        self.issuesTable.horizontalHeader().setStretchLastSection(True)
        self.issuesTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.issuesTable)

        self.hintLabel = QLabel(ImportIssuesDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(ImportIssuesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(ImportIssuesDialog)

        QMetaObject.connectSlotsByName(ImportIssuesDialog)
    # setupUi

    def retranslateUi(self, ImportIssuesDialog):
        ImportIssuesDialog.setWindowTitle(QCoreApplication.translate("ImportIssuesDialog", u"\u672a\u80fd\u5bfc\u5165", None))
        self.messageLabel.setText("")
        ___qtablewidgetitem = self.issuesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportIssuesDialog", u"\u4f4d\u7f6e", None));
        ___qtablewidgetitem1 = self.issuesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportIssuesDialog", u"\u95ee\u9898", None));
        self.hintLabel.setText(QCoreApplication.translate("ImportIssuesDialog", u"\u6570\u636e\u5e93\u6ca1\u6709\u4efb\u4f55\u6539\u52a8\u3002\u8bf7\u628a\u8fd9\u4e9b\u95ee\u9898\u544a\u77e5\u63d0\u4f9b\u6587\u4ef6\u7684\u4eba\uff0c\u66f4\u6b63\u540e\u518d\u5bfc\u5165\u3002", None))
    # retranslateUi

