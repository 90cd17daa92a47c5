# Generated from forms/case_new_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CaseNewDialog(object):
    def setupUi(self, CaseNewDialog):
        if not CaseNewDialog.objectName():
            CaseNewDialog.setObjectName(u"CaseNewDialog")
        CaseNewDialog.resize(940, 640)
        CaseNewDialog.setModal(True)
        self.mainLayout = QVBoxLayout(CaseNewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setObjectName(u"leftLayout")
        self.newForm = QFormLayout()
        self.newForm.setObjectName(u"newForm")
        self.newForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.typeCaption = QLabel(CaseNewDialog)
        self.typeCaption.setObjectName(u"typeCaption")

        self.newForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeCaption)

        self.typeCombo = QComboBox(CaseNewDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.newForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.applicantCaption = QLabel(CaseNewDialog)
        self.applicantCaption.setObjectName(u"applicantCaption")

        self.newForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.applicantCaption)

        self.applicantCombo = QComboBox(CaseNewDialog)
        self.applicantCombo.setObjectName(u"applicantCombo")

        self.newForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.applicantCombo)

        self.docNoCaption = QLabel(CaseNewDialog)
        self.docNoCaption.setObjectName(u"docNoCaption")

        self.newForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.docNoCaption)

        self.docNoEdit = QLineEdit(CaseNewDialog)
        self.docNoEdit.setObjectName(u"docNoEdit")

        self.newForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.docNoEdit)

        self.partyCaption = QLabel(CaseNewDialog)
        self.partyCaption.setObjectName(u"partyCaption")

        self.newForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.partyCaption)

        self.partyEdit = QLineEdit(CaseNewDialog)
        self.partyEdit.setObjectName(u"partyEdit")

        self.newForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.partyEdit)

        self.unitCaption = QLabel(CaseNewDialog)
        self.unitCaption.setObjectName(u"unitCaption")

        self.newForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unitCaption)

        self.unitEdit = QLineEdit(CaseNewDialog)
        self.unitEdit.setObjectName(u"unitEdit")

        self.newForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.positionCaption = QLabel(CaseNewDialog)
        self.positionCaption.setObjectName(u"positionCaption")

        self.newForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.positionCaption)

        self.positionEdit = QLineEdit(CaseNewDialog)
        self.positionEdit.setObjectName(u"positionEdit")

        self.newForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.fieldCaption = QLabel(CaseNewDialog)
        self.fieldCaption.setObjectName(u"fieldCaption")

        self.newForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.fieldCaption)

        self.fieldCombo = QComboBox(CaseNewDialog)
        self.fieldCombo.setObjectName(u"fieldCombo")
        self.fieldCombo.setEditable(True)

        self.newForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.fieldCombo)

        self.appliedCaption = QLabel(CaseNewDialog)
        self.appliedCaption.setObjectName(u"appliedCaption")

        self.newForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.appliedCaption)

        self.appliedDateEdit = QDateEdit(CaseNewDialog)
        self.appliedDateEdit.setObjectName(u"appliedDateEdit")
        self.appliedDateEdit.setCalendarPopup(True)

        self.newForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.appliedDateEdit)

        self.rulebookCaption = QLabel(CaseNewDialog)
        self.rulebookCaption.setObjectName(u"rulebookCaption")

        self.newForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.rulebookCaption)

        self.rulebookCombo = QComboBox(CaseNewDialog)
        self.rulebookCombo.setObjectName(u"rulebookCombo")

        self.newForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.rulebookCombo)

        self.matterCaption = QLabel(CaseNewDialog)
        self.matterCaption.setObjectName(u"matterCaption")

        self.newForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.matterCaption)

        self.matterEdit = QPlainTextEdit(CaseNewDialog)
        self.matterEdit.setObjectName(u"matterEdit")
        self.matterEdit.setMinimumSize(QSize(0, 50))
        self.matterEdit.setTabChangesFocus(True)

        self.newForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.matterEdit)

        self.factsCaption = QLabel(CaseNewDialog)
        self.factsCaption.setObjectName(u"factsCaption")

        self.newForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.factsCaption)

        self.factsEdit = QPlainTextEdit(CaseNewDialog)
        self.factsEdit.setObjectName(u"factsEdit")
        self.factsEdit.setMinimumSize(QSize(0, 90))
        self.factsEdit.setTabChangesFocus(True)

        self.newForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.factsEdit)


        self.leftLayout.addLayout(self.newForm)


        self.columns.addLayout(self.leftLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.situationsCaption = QLabel(CaseNewDialog)
        self.situationsCaption.setObjectName(u"situationsCaption")
        self.situationsCaption.setWordWrap(True)

        self.rightLayout.addWidget(self.situationsCaption)

        self.situationsList = QListWidget(CaseNewDialog)
        self.situationsList.setObjectName(u"situationsList")
        self.situationsList.setWordWrap(True)

        self.rightLayout.addWidget(self.situationsList)

        self.repeatLabel = QLabel(CaseNewDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")
        self.repeatLabel.setWordWrap(True)
        self.repeatLabel.setTextFormat(Qt.PlainText)

        self.rightLayout.addWidget(self.repeatLabel)

        self.similarCaption = QLabel(CaseNewDialog)
        self.similarCaption.setObjectName(u"similarCaption")
        self.similarCaption.setWordWrap(True)

        self.rightLayout.addWidget(self.similarCaption)

        self.similarTree = QTreeWidget(CaseNewDialog)
        self.similarTree.setObjectName(u"similarTree")
        self.similarTree.setRootIsDecorated(False)
        self.similarTree.setUniformRowHeights(True)
        self.similarTree.setAlternatingRowColors(True)
        self.similarTree.setMaximumSize(QSize(16777215, 120))

        self.rightLayout.addWidget(self.similarTree)


        self.columns.addLayout(self.rightLayout)


        self.mainLayout.addLayout(self.columns)

        self.draftLabel = QLabel(CaseNewDialog)
        self.draftLabel.setObjectName(u"draftLabel")
        self.draftLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.draftLabel)

        self.messageLabel = QLabel(CaseNewDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.PlainText)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(CaseNewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(CaseNewDialog)

        QMetaObject.connectSlotsByName(CaseNewDialog)
    # setupUi

    def retranslateUi(self, CaseNewDialog):
        CaseNewDialog.setWindowTitle(QCoreApplication.translate("CaseNewDialog", u"\u767b\u8bb0\u65b0\u6848\u4ef6", None))
        self.typeCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u6848\u4ef6\u7c7b\u578b", None))
        self.applicantCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u7533\u8bf7\u4eba\u7c7b\u578b", None))
        self.docNoCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u6587\u53f7", None))
        self.docNoEdit.setPlaceholderText(QCoreApplication.translate("CaseNewDialog", u"\u5982 \u5bb9\u9519\u30142026\u30153\u53f7", None))
        self.partyCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u5f53\u4e8b\u4eba", None))
        self.partyEdit.setPlaceholderText("")
        self.unitCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u5355\u4f4d", None))
        self.unitEdit.setPlaceholderText("")
        self.positionCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u804c\u52a1", None))
        self.positionEdit.setPlaceholderText("")
        self.fieldCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u9886\u57df", None))
        self.appliedCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u7533\u8bf7\u65e5\u671f", None))
        self.appliedDateEdit.setDisplayFormat(QCoreApplication.translate("CaseNewDialog", u"yyyy-MM-dd", None))
        self.rulebookCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u89c4\u5219\u5e93", None))
        self.matterCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u95ee\u8d23\u4e8b\u9879", None))
        self.matterEdit.setPlaceholderText("")
        self.factsCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u4e8b\u5b9e", None))
        self.factsEdit.setPlaceholderText("")
        self.situationsCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u7533\u8bf7\u7684\u5bb9\u9519\u60c5\u5f62\uff08\u89c4\u5219\u5e93\u6e05\u5355\uff09", None))
        self.repeatLabel.setText("")
        self.similarCaption.setText(QCoreApplication.translate("CaseNewDialog", u"\u60c5\u5f62\u76f8\u540c\u7684\u5178\u578b\u6848\u4f8b", None))
        ___qtreewidgetitem = self.similarTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseNewDialog", u"\u7ed3\u8bba", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseNewDialog", u"\u5f53\u4e8b\u4eba", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseNewDialog", u"\u6587\u53f7", None));
        self.draftLabel.setText("")
        self.messageLabel.setText("")
    # retranslateUi

