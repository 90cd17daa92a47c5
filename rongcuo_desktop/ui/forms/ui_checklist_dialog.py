# Generated from forms/checklist_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QProgressBar, QSizePolicy, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_ChecklistDialog(object):
    def setupUi(self, ChecklistDialog):
        if not ChecklistDialog.objectName():
            ChecklistDialog.setObjectName(u"ChecklistDialog")
        ChecklistDialog.resize(920, 640)
        self.mainLayout = QVBoxLayout(ChecklistDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(ChecklistDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.rulebookLayout = QHBoxLayout()
        self.rulebookLayout.setObjectName(u"rulebookLayout")
        self.rulebookLabel = QLabel(ChecklistDialog)
        self.rulebookLabel.setObjectName(u"rulebookLabel")

        self.rulebookLayout.addWidget(self.rulebookLabel)

        self.rulebookCombo = QComboBox(ChecklistDialog)
        self.rulebookCombo.setObjectName(u"rulebookCombo")

        self.rulebookLayout.addWidget(self.rulebookCombo)

        self.rulebookLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.rulebookLayout)

        self.introLabel = QLabel(ChecklistDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.checklistTree = QTreeWidget(ChecklistDialog)
        self.checklistTree.setObjectName(u"checklistTree")
        self.checklistTree.setAlternatingRowColors(True)
        self.checklistTree.setWordWrap(True)
        self.checklistTree.setUniformRowHeights(False)

        self.mainLayout.addWidget(self.checklistTree)

        self.summaryLabel = QLabel(ChecklistDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.errorLabel = QLabel(ChecklistDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(ChecklistDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.buttonBox = QDialogButtonBox(ChecklistDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.rulebookLabel.setBuddy(self.rulebookCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChecklistDialog)

        QMetaObject.connectSlotsByName(ChecklistDialog)
    # setupUi

    def retranslateUi(self, ChecklistDialog):
        ChecklistDialog.setWindowTitle(QCoreApplication.translate("ChecklistDialog", u"\u7814\u5224\u6e05\u5355", None))
        self.titleLabel.setText(QCoreApplication.translate("ChecklistDialog", u"\u7814\u5224\u6e05\u5355", None))
        self.rulebookLabel.setText(QCoreApplication.translate("ChecklistDialog", u"\u9002\u7528\u7684\u89c4\u5219\u5e93\uff1a", None))
        self.introLabel.setText(QCoreApplication.translate("ChecklistDialog", u"\u9010\u9879\u6838\u5bf9\uff1a\u7533\u8bf7\u7684\u5bb9\u9519\u60c5\u5f62\uff08\u52fe\u9009\uff09\u3001\u5bb9\u9519\u6761\u4ef6\u662f\u5426\u7b26\u5408\u3001\u4e0d\u4e88\u5bb9\u9519\u60c5\u5f62\u662f\u5426\u67e5\u5b9e\u3002\u6bcf\u9879\u90fd\u6ce8\u660e\u51fa\u5904\uff0c\u8bf7\u5bf9\u7167\u539f\u6587\u3002", None))
        ___qtreewidgetitem = self.checklistTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ChecklistDialog", u"\u6838\u5bf9\u7ed3\u679c", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ChecklistDialog", u"\u51fa\u5904", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ChecklistDialog", u"\u9879\u76ee", None));
        self.summaryLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

