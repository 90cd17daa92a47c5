# Generated from forms/case_section_committee.ui by packaging/build_forms.py. Do not edit: edit the .ui file.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_CaseSectionCommittee(object):
    def setupUi(self, CaseSectionCommittee):
        if not CaseSectionCommittee.objectName():
            CaseSectionCommittee.setObjectName(u"CaseSectionCommittee")
        CaseSectionCommittee.resize(760, 560)
        self.committeeTabLayout = QVBoxLayout(CaseSectionCommittee)
        self.committeeTabLayout.setObjectName(u"committeeTabLayout")
        self.committeeHint = QLabel(CaseSectionCommittee)
        self.committeeHint.setObjectName(u"committeeHint")
        self.committeeHint.setWordWrap(True)

        self.committeeTabLayout.addWidget(self.committeeHint)

        self.seatsTree = QTreeWidget(CaseSectionCommittee)
        self.seatsTree.setObjectName(u"seatsTree")
        self.seatsTree.setRootIsDecorated(False)
        self.seatsTree.setUniformRowHeights(True)
        self.seatsTree.setAlternatingRowColors(True)

        self.committeeTabLayout.addWidget(self.seatsTree)

        self.quorumLabel = QLabel(CaseSectionCommittee)
        self.quorumLabel.setObjectName(u"quorumLabel")
        self.quorumLabel.setWordWrap(True)

        self.committeeTabLayout.addWidget(self.quorumLabel)

        self.committeeGrid = QGridLayout()
        self.committeeGrid.setObjectName(u"committeeGrid")
        self.fixedCaption = QLabel(CaseSectionCommittee)
        self.fixedCaption.setObjectName(u"fixedCaption")

        self.committeeGrid.addWidget(self.fixedCaption, 0, 0, 1, 1)

        self.memberCombo = QComboBox(CaseSectionCommittee)
        self.memberCombo.setObjectName(u"memberCombo")

        self.committeeGrid.addWidget(self.memberCombo, 0, 1, 1, 2)

        self.addFixedButton = QPushButton(CaseSectionCommittee)
        self.addFixedButton.setObjectName(u"addFixedButton")

        self.committeeGrid.addWidget(self.addFixedButton, 0, 3, 1, 1)

        self.expertCaption = QLabel(CaseSectionCommittee)
        self.expertCaption.setObjectName(u"expertCaption")

        self.committeeGrid.addWidget(self.expertCaption, 1, 0, 1, 1)

        self.expertFieldCombo = QComboBox(CaseSectionCommittee)
        self.expertFieldCombo.setObjectName(u"expertFieldCombo")

        self.committeeGrid.addWidget(self.expertFieldCombo, 1, 1, 1, 1)

        self.expertCombo = QComboBox(CaseSectionCommittee)
        self.expertCombo.setObjectName(u"expertCombo")

        self.committeeGrid.addWidget(self.expertCombo, 1, 2, 1, 1)

        self.addExpertButton = QPushButton(CaseSectionCommittee)
        self.addExpertButton.setObjectName(u"addExpertButton")

        self.committeeGrid.addWidget(self.addExpertButton, 1, 3, 1, 1)


        self.committeeTabLayout.addLayout(self.committeeGrid)

        self.committeeButtons = QHBoxLayout()
        self.committeeButtons.setObjectName(u"committeeButtons")
        self.removeSeatButton = QPushButton(CaseSectionCommittee)
        self.removeSeatButton.setObjectName(u"removeSeatButton")

        self.committeeButtons.addWidget(self.removeSeatButton)

        self.recuseButton = QPushButton(CaseSectionCommittee)
        self.recuseButton.setObjectName(u"recuseButton")

        self.committeeButtons.addWidget(self.recuseButton)

        self.committeeSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.committeeButtons.addItem(self.committeeSpacer)

        self.expertProfileButton = QPushButton(CaseSectionCommittee)
        self.expertProfileButton.setObjectName(u"expertProfileButton")

        self.committeeButtons.addWidget(self.expertProfileButton)


        self.committeeTabLayout.addLayout(self.committeeButtons)


        self.retranslateUi(CaseSectionCommittee)

        QMetaObject.connectSlotsByName(CaseSectionCommittee)
    # setupUi

    def retranslateUi(self, CaseSectionCommittee):
        self.committeeHint.setText(QCoreApplication.translate("CaseSectionCommittee", u"\u56fa\u5b9a\u6210\u5458\u52a0\u4e0a\u6309\u6848\u4ef6\u9886\u57df\u62bd\u8c03\u7684\u975e\u56fa\u5b9a\u6210\u5458\uff08\u4e13\u5bb6\uff09\u7ec4\u6210\u672c\u6848\u7684\u88c1\u5b9a\u59d4\u5458\u4f1a\uff1b\u56de\u907f\u7684\u59d4\u5458\u4e0d\u80fd\u67e5\u770b\u672c\u6848\u6750\u6599\u3002", None))
        ___qtreewidgetitem = self.seatsTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CaseSectionCommittee", u"\u56de\u907f", None));
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CaseSectionCommittee", u"\u9886\u57df", None));
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CaseSectionCommittee", u"\u8eab\u4efd", None));
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CaseSectionCommittee", u"\u59d4\u5458", None));
        self.quorumLabel.setText("")
        self.fixedCaption.setText(QCoreApplication.translate("CaseSectionCommittee", u"\u56fa\u5b9a\u6210\u5458", None))
        self.addFixedButton.setText(QCoreApplication.translate("CaseSectionCommittee", u"\u52a0\u5165", None))
        self.expertCaption.setText(QCoreApplication.translate("CaseSectionCommittee", u"\u6309\u9886\u57df\u9009\u4e13\u5bb6", None))
        self.addExpertButton.setText(QCoreApplication.translate("CaseSectionCommittee", u"\u52a0\u5165", None))
        self.removeSeatButton.setText(QCoreApplication.translate("CaseSectionCommittee", u"\u79fb\u51fa", None))
        self.recuseButton.setText(QCoreApplication.translate("CaseSectionCommittee", u"\u8bb0\u5f55\u56de\u907f\u2026", None))
        self.expertProfileButton.setText(QCoreApplication.translate("CaseSectionCommittee", u"\u8bbe\u4e3a\u4e13\u5bb6\u2026", None))
        pass
    # retranslateUi

