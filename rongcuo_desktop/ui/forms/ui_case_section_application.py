# Generated from forms/case_section_application.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QFrame, QGroupBox, QLabel, QLineEdit,
    QPlainTextEdit, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CaseSectionApplication(object):
    def setupUi(self, CaseSectionApplication):
        if not CaseSectionApplication.objectName():
            CaseSectionApplication.setObjectName(u"CaseSectionApplication")
        CaseSectionApplication.resize(760, 560)
        self.applicationTabLayout = QVBoxLayout(CaseSectionApplication)
        self.applicationTabLayout.setObjectName(u"applicationTabLayout")
        self.applicationScroll = QScrollArea(CaseSectionApplication)
        self.applicationScroll.setObjectName(u"applicationScroll")
        self.applicationScroll.setWidgetResizable(True)
        self.applicationScroll.setFrameShape(QFrame.NoFrame)
        self.applicationInner = QWidget()
        self.applicationInner.setObjectName(u"applicationInner")
        self.applicationInnerLayout = QVBoxLayout(self.applicationInner)
        self.applicationInnerLayout.setObjectName(u"applicationInnerLayout")
        self.applicationForm = QFormLayout()
        self.applicationForm.setObjectName(u"applicationForm")
        self.applicationForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.caseTypeCaption = QLabel(self.applicationInner)
        self.caseTypeCaption.setObjectName(u"caseTypeCaption")

        self.applicationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caseTypeCaption)

        self.caseTypeValue = QLabel(self.applicationInner)
        self.caseTypeValue.setObjectName(u"caseTypeValue")

        self.applicationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.caseTypeValue)

        self.docNoCaption = QLabel(self.applicationInner)
        self.docNoCaption.setObjectName(u"docNoCaption")

        self.applicationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.docNoCaption)

        self.docNoEdit = QLineEdit(self.applicationInner)
        self.docNoEdit.setObjectName(u"docNoEdit")

        self.applicationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.docNoEdit)

        self.applicantCaption = QLabel(self.applicationInner)
        self.applicantCaption.setObjectName(u"applicantCaption")

        self.applicationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.applicantCaption)

        self.applicantCombo = QComboBox(self.applicationInner)
        self.applicantCombo.setObjectName(u"applicantCombo")

        self.applicationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.applicantCombo)

        self.partyCaption = QLabel(self.applicationInner)
        self.partyCaption.setObjectName(u"partyCaption")

        self.applicationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.partyCaption)

        self.partyEdit = QLineEdit(self.applicationInner)
        self.partyEdit.setObjectName(u"partyEdit")

        self.applicationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.partyEdit)

        self.unitCaption = QLabel(self.applicationInner)
        self.unitCaption.setObjectName(u"unitCaption")

        self.applicationForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unitCaption)

        self.unitEdit = QLineEdit(self.applicationInner)
        self.unitEdit.setObjectName(u"unitEdit")

        self.applicationForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.positionCaption = QLabel(self.applicationInner)
        self.positionCaption.setObjectName(u"positionCaption")

        self.applicationForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.positionCaption)

        self.positionEdit = QLineEdit(self.applicationInner)
        self.positionEdit.setObjectName(u"positionEdit")

        self.applicationForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.fieldCaption = QLabel(self.applicationInner)
        self.fieldCaption.setObjectName(u"fieldCaption")

        self.applicationForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.fieldCaption)

        self.fieldCombo = QComboBox(self.applicationInner)
        self.fieldCombo.setObjectName(u"fieldCombo")
        self.fieldCombo.setEditable(True)

        self.applicationForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.fieldCombo)

        self.appliedCaption = QLabel(self.applicationInner)
        self.appliedCaption.setObjectName(u"appliedCaption")

        self.applicationForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.appliedCaption)

        self.appliedDateEdit = QDateEdit(self.applicationInner)
        self.appliedDateEdit.setObjectName(u"appliedDateEdit")
        self.appliedDateEdit.setCalendarPopup(True)

        self.applicationForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.appliedDateEdit)

        self.matterCaption = QLabel(self.applicationInner)
        self.matterCaption.setObjectName(u"matterCaption")

        self.applicationForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.matterCaption)

        self.matterEdit = QPlainTextEdit(self.applicationInner)
        self.matterEdit.setObjectName(u"matterEdit")
        self.matterEdit.setMinimumSize(QSize(0, 60))
        self.matterEdit.setTabChangesFocus(True)
        self.matterEdit.setMaximumSize(QSize(16777215, 110))

        self.applicationForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.matterEdit)

        self.factsCaption = QLabel(self.applicationInner)
        self.factsCaption.setObjectName(u"factsCaption")

        self.applicationForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.factsCaption)

        self.factsEdit = QPlainTextEdit(self.applicationInner)
        self.factsEdit.setObjectName(u"factsEdit")
        self.factsEdit.setMinimumSize(QSize(0, 140))
        self.factsEdit.setTabChangesFocus(True)
        self.factsEdit.setMaximumSize(QSize(16777215, 260))

        self.applicationForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.factsEdit)

        self.situationCaption = QLabel(self.applicationInner)
        self.situationCaption.setObjectName(u"situationCaption")

        self.applicationForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.situationCaption)

        self.situationEdit = QPlainTextEdit(self.applicationInner)
        self.situationEdit.setObjectName(u"situationEdit")
        self.situationEdit.setMinimumSize(QSize(0, 60))
        self.situationEdit.setTabChangesFocus(True)
        self.situationEdit.setMaximumSize(QSize(16777215, 110))

        self.applicationForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.situationEdit)

        self.claimedCaption = QLabel(self.applicationInner)
        self.claimedCaption.setObjectName(u"claimedCaption")

        self.applicationForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.claimedCaption)

        self.claimedLabel = QLabel(self.applicationInner)
        self.claimedLabel.setObjectName(u"claimedLabel")
        self.claimedLabel.setWordWrap(True)
        self.claimedLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.applicationForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.claimedLabel)


        self.applicationInnerLayout.addLayout(self.applicationForm)

        self.acceptanceGroup = QGroupBox(self.applicationInner)
        self.acceptanceGroup.setObjectName(u"acceptanceGroup")
        self.acceptanceLayout = QVBoxLayout(self.acceptanceGroup)
        self.acceptanceLayout.setObjectName(u"acceptanceLayout")
        self.acceptanceLabel = QLabel(self.acceptanceGroup)
        self.acceptanceLabel.setObjectName(u"acceptanceLabel")
        self.acceptanceLabel.setWordWrap(True)
        self.acceptanceLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.acceptanceLayout.addWidget(self.acceptanceLabel)


        self.applicationInnerLayout.addWidget(self.acceptanceGroup)

        self.applicationSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.applicationInnerLayout.addItem(self.applicationSpacer)

        self.applicationScroll.setWidget(self.applicationInner)

        self.applicationTabLayout.addWidget(self.applicationScroll)


        self.retranslateUi(CaseSectionApplication)

        QMetaObject.connectSlotsByName(CaseSectionApplication)
    # setupUi

    def retranslateUi(self, CaseSectionApplication):
        self.caseTypeCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u6848\u4ef6\u7c7b\u578b", None))
        self.caseTypeValue.setText("")
        self.docNoCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u6587\u53f7", None))
        self.docNoEdit.setPlaceholderText(QCoreApplication.translate("CaseSectionApplication", u"\u5982 \u5bb9\u9519\u30142026\u30153\u53f7", None))
        self.applicantCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u7533\u8bf7\u4eba\u7c7b\u578b", None))
        self.partyCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u5f53\u4e8b\u4eba", None))
        self.partyEdit.setPlaceholderText("")
        self.unitCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u5355\u4f4d", None))
        self.unitEdit.setPlaceholderText("")
        self.positionCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u804c\u52a1", None))
        self.positionEdit.setPlaceholderText("")
        self.fieldCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u9886\u57df", None))
        self.appliedCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u7533\u8bf7\u65e5\u671f", None))
        self.appliedDateEdit.setDisplayFormat(QCoreApplication.translate("CaseSectionApplication", u"yyyy-MM-dd", None))
        self.matterCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u95ee\u8d23\u4e8b\u9879", None))
        self.matterEdit.setPlaceholderText(QCoreApplication.translate("CaseSectionApplication", u"\u88ab\u95ee\u8d23\u7684\u4e8b\u9879", None))
        self.factsCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u4e8b\u5b9e", None))
        self.factsEdit.setPlaceholderText(QCoreApplication.translate("CaseSectionApplication", u"\u4e8b\u60c5\u7ecf\u8fc7\u3001\u4e3b\u89c2\u52a8\u673a\u3001\u91c7\u53d6\u7684\u63aa\u65bd\u548c\u7ed3\u679c", None))
        self.situationCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u7533\u8bf7\u7684\u60c5\u5f62", None))
        self.situationEdit.setPlaceholderText(QCoreApplication.translate("CaseSectionApplication", u"\u7533\u8bf7\u4eba\u8ba4\u4e3a\u7b26\u5408\u7684\u5bb9\u9519\u60c5\u5f62", None))
        self.claimedCaption.setText(QCoreApplication.translate("CaseSectionApplication", u"\u6e05\u5355\u4e2d\u7684\u60c5\u5f62", None))
        self.claimedLabel.setText("")
        self.acceptanceGroup.setTitle(QCoreApplication.translate("CaseSectionApplication", u"\u53d7\u7406", None))
        self.acceptanceLabel.setText("")
        pass
    # retranslateUi

