# Generated from forms/filter_save_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_FilterSaveDialog(object):
    def setupUi(self, FilterSaveDialog):
        if not FilterSaveDialog.objectName():
            FilterSaveDialog.setObjectName(u"FilterSaveDialog")
        FilterSaveDialog.resize(380, 170)
        FilterSaveDialog.setModal(True)
        self.mainLayout = QVBoxLayout(FilterSaveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FilterSaveDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(FilterSaveDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FilterSaveDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(40)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(FilterSaveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FilterSaveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FilterSaveDialog)

        QMetaObject.connectSlotsByName(FilterSaveDialog)
    # setupUi

    def retranslateUi(self, FilterSaveDialog):
        FilterSaveDialog.setWindowTitle(QCoreApplication.translate("FilterSaveDialog", u"\u4fdd\u5b58\u7b5b\u9009", None))
        self.introLabel.setText(QCoreApplication.translate("FilterSaveDialog", u"\u628a\u73b0\u5728\u7684\u641c\u7d22\u8bcd\u548c\u7b5b\u9009\u6761\u4ef6\u4fdd\u5b58\u4e0b\u6765\uff0c\u4ee5\u540e\u5728\u201c\u4fdd\u5b58\u7684\u7b5b\u9009\u201d\u4e2d\u4e00\u9009\u5373\u7528\u3002\u53ea\u6709\u60a8\u81ea\u5df1\u80fd\u770b\u5230\u3002", None))
        self.nameLabel.setText(QCoreApplication.translate("FilterSaveDialog", u"\u7b5b\u9009\u540d\u79f0\uff1a", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FilterSaveDialog", u"\u4f8b\u5982\uff1a\u672c\u5e74\u5ea6\u5f85\u542c\u8bc1", None))
        self.errorLabel.setText("")
    # retranslateUi

