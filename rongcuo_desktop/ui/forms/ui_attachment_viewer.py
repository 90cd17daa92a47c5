# Generated from forms/attachment_viewer.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_AttachmentViewer(object):
    def setupUi(self, AttachmentViewer):
        if not AttachmentViewer.objectName():
            AttachmentViewer.setObjectName(u"AttachmentViewer")
        AttachmentViewer.resize(900, 700)
        self.mainLayout = QVBoxLayout(AttachmentViewer)
        self.mainLayout.setObjectName(u"mainLayout")
        self.scrollArea = QScrollArea(AttachmentViewer)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.canvasLabel = QLabel()
        self.canvasLabel.setObjectName(u"canvasLabel")
        self.canvasLabel.setAlignment(Qt.AlignCenter)
        self.scrollArea.setWidget(self.canvasLabel)

        self.mainLayout.addWidget(self.scrollArea)

        self.pageRow = QHBoxLayout()
        self.pageRow.setObjectName(u"pageRow")
        self.pageSpin = QSpinBox(AttachmentViewer)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setMinimum(1)

        self.pageRow.addWidget(self.pageSpin)

        self.pageTotalLabel = QLabel(AttachmentViewer)
        self.pageTotalLabel.setObjectName(u"pageTotalLabel")

        self.pageRow.addWidget(self.pageTotalLabel)

        self.pageSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pageRow.addItem(self.pageSpacer)

        self.exportButton = QPushButton(AttachmentViewer)
        self.exportButton.setObjectName(u"exportButton")

        self.pageRow.addWidget(self.exportButton)

        self.closeButton = QPushButton(AttachmentViewer)
        self.closeButton.setObjectName(u"closeButton")

        self.pageRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.pageRow)


        self.retranslateUi(AttachmentViewer)

        QMetaObject.connectSlotsByName(AttachmentViewer)
    # setupUi

    def retranslateUi(self, AttachmentViewer):
        AttachmentViewer.setWindowTitle(QCoreApplication.translate("AttachmentViewer", u"\u9644\u4ef6", None))
        self.exportButton.setText(QCoreApplication.translate("AttachmentViewer", u"\u5bfc\u51fa\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("AttachmentViewer", u"\u5173\u95ed", None))
    # retranslateUi

