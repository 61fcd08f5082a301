"""One Dutch reason per kind of file-system failure, the same in every message (SPEC §12)."""

from __future__ import annotations

import errno

# Never the OS's own English text ("Is a directory", "Too many levels of symbolic links").
_REASONS: dict[int, str] = {
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.EACCES: "je hebt geen toestemming voor dit bestand of deze map",
    errno.EPERM: "je hebt geen toestemming voor dit bestand of deze map",
    errno.EROFS: "de schijf of map is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.ELOOP: "de verwijzingen (symlinks) in dit pad wijzen in een kring naar elkaar",
    errno.ENAMETOOLONG: "de naam is te lang (een bestandsnaam heeft hoogstens 255 tekens)",
    errno.EMFILE: "er zijn te veel bestanden tegelijk open",
    errno.EIO: "de schijf gaf een leesfout of schrijffout",
    errno.EBUSY: "het bestand is bezet",
    errno.ENXIO: "dit is geen gewoon bestand",
}


def reason(exc: OSError) -> str:
    """The Dutch reason for ``exc`` (lower case, no full stop), e.g. "dit is een map, geen
    bestand"."""
    if exc.errno is not None and exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if exc.errno == getattr(errno, "EDQUOT", None):
        return _REASONS[errno.ENOSPC]
    return "het bestand is niet te gebruiken"
