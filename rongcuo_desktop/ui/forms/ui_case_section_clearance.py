# Generated from forms/case_section_clearance.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_CaseSectionClearance(object):
    def setupUi(self, CaseSectionClearance):
        if not CaseSectionClearance.objectName():
            CaseSectionClearance.setObjectName(u"CaseSectionClearance")
        CaseSectionClearance.resize(760, 560)
        self.clearanceTabLayout = QVBoxLayout(CaseSectionClearance)
        self.clearanceTabLayout.setObjectName(u"clearanceTabLayout")
        self.clearanceScroll = QScrollArea(CaseSectionClearance)
        self.clearanceScroll.setObjectName(u"clearanceScroll")
        self.clearanceScroll.setWidgetResizable(True)
        self.clearanceScroll.setFrameShape(QFrame.NoFrame)
        self.clearanceInner = QWidget()
        self.clearanceInner.setObjectName(u"clearanceInner")
        self.clearanceInnerLayout = QVBoxLayout(self.clearanceInner)
        self.clearanceInnerLayout.setObjectName(u"clearanceInnerLayout")
        self.clearanceHint = QLabel(self.clearanceInner)
        self.clearanceHint.setObjectName(u"clearanceHint")
        self.clearanceHint.setWordWrap(True)

        self.clearanceInnerLayout.addWidget(self.clearanceHint)

        self.clearanceForm = QFormLayout()
        self.clearanceForm.setObjectName(u"clearanceForm")
        self.clearanceForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.findingCaption = QLabel(self.clearanceInner)
        self.findingCaption.setObjectName(u"findingCaption")

        self.clearanceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.findingCaption)

        self.findingCombo = QComboBox(self.clearanceInner)
        self.findingCombo.setObjectName(u"findingCombo")

        self.clearanceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.findingCombo)

        self.foundCaption = QLabel(self.clearanceInner)
        self.foundCaption.setObjectName(u"foundCaption")

        self.clearanceForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.foundCaption)

        self.foundDateEdit = QDateEdit(self.clearanceInner)
        self.foundDateEdit.setObjectName(u"foundDateEdit")
        self.foundDateEdit.setCalendarPopup(True)

        self.clearanceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.foundDateEdit)

        self.wishesCaption = QLabel(self.clearanceInner)
        self.wishesCaption.setObjectName(u"wishesCaption")

        self.clearanceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.wishesCaption)

        self.wishesEdit = QPlainTextEdit(self.clearanceInner)
        self.wishesEdit.setObjectName(u"wishesEdit")
        self.wishesEdit.setMinimumSize(QSize(0, 60))
        self.wishesEdit.setTabChangesFocus(True)

        self.clearanceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.wishesEdit)

        self.methodsCaption = QLabel(self.clearanceInner)
        self.methodsCaption.setObjectName(u"methodsCaption")

        self.clearanceForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.methodsCaption)

        self.methodsLayout = QHBoxLayout()
        self.methodsLayout.setObjectName(u"methodsLayout")
        self.letterCheck = QCheckBox(self.clearanceInner)
        self.letterCheck.setObjectName(u"letterCheck")

        self.methodsLayout.addWidget(self.letterCheck)

        self.meetingCheck = QCheckBox(self.clearanceInner)
        self.meetingCheck.setObjectName(u"meetingCheck")

        self.methodsLayout.addWidget(self.meetingCheck)

        self.circularCheck = QCheckBox(self.clearanceInner)
        self.circularCheck.setObjectName(u"circularCheck")

        self.methodsLayout.addWidget(self.circularCheck)

        self.methodsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.methodsLayout.addItem(self.methodsSpacer)


        self.clearanceForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.methodsLayout)

        self.clearanceNoteCaption = QLabel(self.clearanceInner)
        self.clearanceNoteCaption.setObjectName(u"clearanceNoteCaption")

        self.clearanceForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.clearanceNoteCaption)

        self.clearanceNoteEdit = QPlainTextEdit(self.clearanceInner)
        self.clearanceNoteEdit.setObjectName(u"clearanceNoteEdit")
        self.clearanceNoteEdit.setMinimumSize(QSize(0, 60))
        self.clearanceNoteEdit.setTabChangesFocus(True)

        self.clearanceForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.clearanceNoteEdit)

        self.clearanceButtons = QHBoxLayout()
        self.clearanceButtons.setObjectName(u"clearanceButtons")
        self.saveClearanceButton = QPushButton(self.clearanceInner)
        self.saveClearanceButton.setObjectName(u"saveClearanceButton")

        self.clearanceButtons.addWidget(self.saveClearanceButton)

        self.clearanceSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.clearanceButtons.addItem(self.clearanceSpacer)


        self.clearanceForm.setLayout(5, QFormLayout.ItemRole.SpanningRole, self.clearanceButtons)


        self.clearanceInnerLayout.addLayout(self.clearanceForm)

        self.clearanceScroll.setWidget(self.clearanceInner)

        self.clearanceTabLayout.addWidget(self.clearanceScroll)


        self.retranslateUi(CaseSectionClearance)

        QMetaObject.connectSlotsByName(CaseSectionClearance)
    # setupUi

    def retranslateUi(self, CaseSectionClearance):
        self.clearanceHint.setText(QCoreApplication.translate("CaseSectionClearance", u"\u5bf9\u53d7\u5230\u4e0d\u5b9e\u53cd\u6620\u7684\u5e72\u90e8\u53ca\u65f6\u6f84\u6e05\u6b63\u540d\u3001\u6d88\u9664\u8d1f\u9762\u5f71\u54cd\uff1a\u5148\u6838\u67e5\uff0c\u518d\u542c\u53d6\u672c\u4eba\u610f\u613f\uff0c\u9009\u5b9a\u6f84\u6e05\u65b9\u5f0f\u3002", None))
        self.findingCaption.setText(QCoreApplication.translate("CaseSectionClearance", u"\u6838\u67e5\u7ed3\u8bba", None))
        self.foundCaption.setText(QCoreApplication.translate("CaseSectionClearance", u"\u6838\u67e5\u7ed3\u8bba\u65e5\u671f", None))
        self.foundDateEdit.setDisplayFormat(QCoreApplication.translate("CaseSectionClearance", u"yyyy-MM-dd", None))
        self.wishesCaption.setText(QCoreApplication.translate("CaseSectionClearance", u"\u5f53\u4e8b\u4eba\u610f\u613f", None))
        self.wishesEdit.setPlaceholderText(QCoreApplication.translate("CaseSectionClearance", u"\u672c\u4eba\u5e0c\u671b\u4ee5\u4f55\u79cd\u65b9\u5f0f\u3001\u5728\u4ec0\u4e48\u8303\u56f4\u6f84\u6e05", None))
        self.methodsCaption.setText(QCoreApplication.translate("CaseSectionClearance", u"\u6f84\u6e05\u65b9\u5f0f", None))
        self.letterCheck.setText(QCoreApplication.translate("CaseSectionClearance", u"\u4e66\u9762\u6f84\u6e05", None))
        self.meetingCheck.setText(QCoreApplication.translate("CaseSectionClearance", u"\u4f1a\u8bae\u6f84\u6e05", None))
        self.circularCheck.setText(QCoreApplication.translate("CaseSectionClearance", u"\u901a\u62a5\u6f84\u6e05", None))
        self.clearanceNoteCaption.setText(QCoreApplication.translate("CaseSectionClearance", u"\u6838\u67e5\u8bf4\u660e", None))
        self.clearanceNoteEdit.setPlaceholderText("")
        self.saveClearanceButton.setText(QCoreApplication.translate("CaseSectionClearance", u"\u4fdd\u5b58", None))
        pass
    # retranslateUi

