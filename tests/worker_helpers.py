"""Worker processes (``python -m <package>.core.worker``) of the running test process, read from /proc."""
import os


def worker_children():
    """Process ids of this process's children that are SunSpace worker processes."""
    me, kids = os.getpid(), []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as fh:
                mine = int(fh.read().rsplit(")", 1)[1].split()[1]) == me
            with open(f"/proc/{pid}/cmdline") as fh:
                if mine and "core.worker" in fh.read():
                    kids.append(int(pid))
        except (OSError, IndexError, ValueError):
            pass
    return kids
