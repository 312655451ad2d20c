"""The *Install dependencies* dialog: runs the pip commands of :mod:`deps` with QProcess and shows the log."""
import os

from qgis.PyQt.QtCore import QCoreApplication, QProcess, QProcessEnvironment
from qgis.PyQt.QtWidgets import QAction, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout

from . import deps

MENU = "&SunSpace"


def tr(text):
    return QCoreApplication.translate("SunSpace", text)


class InstallDialog(QDialog):
    """Runs the install plan command by command; the pip log is shown as it comes."""

    def __init__(self, parent=None, target=None, missing=None):
        super().__init__(parent)
        from . import dependency_dir

        self.setWindowTitle(tr("SunSpace: install dependencies"))
        self.target = target or dependency_dir()
        self.missing = deps.missing_dependencies() if missing is None else missing
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        self.bar = QProgressBar(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.start_button = QPushButton(tr("Install"), self)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.start_button.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        for w in (self.label, self.log, self.bar, self.buttons):
            layout.addWidget(w)
        self.resize(720, 420)
        self.process = None
        self.commands = []
        self.output = ""
        if not self.missing:
            self.missing = ["shapely>=2", "pyproj"]  # reinstall on request
            self.label.setText(tr("SunSpace's dependencies are present; Install reinstalls them into {folder}.").format(
                folder=self.target))
        else:
            self.label.setText(tr("Missing: {names}. They will be installed into {folder}.").format(
                names=", ".join(self.missing), folder=self.target))

    def start(self):
        self.start_button.setEnabled(False)
        try:
            self.commands = deps.install_plan(self.missing, self.target, deps.find_python())
        except deps.Refusal as exc:
            self.log.setPlainText(str(exc))
            self.label.setText(tr("SunSpace cannot install the dependencies here; follow the instructions below."))
            return
        os.makedirs(self.target, exist_ok=True)
        self.total = len(self.commands)
        self.bar.setRange(0, self.total)
        self._next()

    def _next(self):
        if not self.commands:
            self.bar.setValue(self.total)
            self.label.setText(tr("Installed into {folder}. Restart QGIS to use SunSpace.").format(folder=self.target))
            return
        cmd = self.commands.pop(0)
        self.bar.setValue(self.total - len(self.commands) - 1)
        self.log.appendPlainText("$ " + " ".join(cmd))
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        env = QProcessEnvironment.systemEnvironment()
        env.remove("PYTHONHOME")  # QGIS's embedded settings must not confuse the child interpreter
        self.process.setProcessEnvironment(env)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)
        self.process.start(cmd[0], cmd[1:])

    def _read(self):
        text = bytes(self.process.readAllStandardOutput()).decode("utf-8", "replace")
        self.output += text
        self.log.appendPlainText(text.rstrip("\n"))

    def _finished(self, code, _status=None):
        if code != 0:
            self.label.setText(tr("pip failed (exit code {code}); see the log below.").format(code=code))
            self.start_button.setEnabled(True)
            return
        self._next()

    def reject(self):
        if self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
        super().reject()


def open_dialog(iface=None, missing=None):
    parent = iface.mainWindow() if iface is not None else None
    dlg = InstallDialog(parent, missing=missing)
    dlg.exec_() if hasattr(dlg, "exec_") else dlg.exec()


def add_install_action(iface):
    action = QAction(tr("Install dependencies…"), iface.mainWindow())
    action.setObjectName("sunspace_install_dependencies")
    action.triggered.connect(lambda _checked=False: open_dialog(iface))
    iface.addPluginToMenu(tr(MENU), action)  # the same (translated) menu as the plugin
    return action


def remove_install_action(iface, action):
    iface.removePluginMenu(tr(MENU), action)


def push_missing_message(iface, missing, text):
    bar = iface.messageBar()
    widget = bar.createMessage("SunSpace", tr("Missing Python packages: {names}").format(names=", ".join(missing)))
    button = QPushButton(tr("Install dependencies…"), widget)
    button.clicked.connect(lambda _checked=False: open_dialog(iface, missing))
    widget.layout().addWidget(button)
    details = QPushButton(tr("Details"), widget)
    details.clicked.connect(lambda _checked=False: iface.messageBar().pushInfo("SunSpace", text))
    widget.layout().addWidget(details)
    from qgis.core import Qgis

    bar.pushWidget(widget, Qgis.MessageLevel.Critical)
