# Generated from forms/timeline_dialog.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_TimelineDialog(object):
    def setupUi(self, TimelineDialog):
        if not TimelineDialog.objectName():
            TimelineDialog.setObjectName(u"TimelineDialog")
        TimelineDialog.resize(760, 420)
        self.mainLayout = QVBoxLayout(TimelineDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.timelineHost = QWidget(TimelineDialog)
        self.timelineHost.setObjectName(u"timelineHost")
        self.timelineLayout = QVBoxLayout(self.timelineHost)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineLayout.setContentsMargins(0, 0, 0, 0)

        self.mainLayout.addWidget(self.timelineHost)

        self.buttonBox = QDialogButtonBox(TimelineDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(TimelineDialog)

        QMetaObject.connectSlotsByName(TimelineDialog)
    # setupUi

    def retranslateUi(self, TimelineDialog):
        TimelineDialog.setWindowTitle(QCoreApplication.translate("TimelineDialog", u"\u529e\u7406\u8bb0\u5f55", None))
    # retranslateUi

