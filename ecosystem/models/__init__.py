from .interactions import Interaction
from .memberships import Invitation, Membership
from .organisations import (
    Organisation,
    Partner,
    ResearchGroup,
    Startup,
    TechnologyOffer,
)
from .taxonomy import Area, ExpertiseTag, PartnerService, Sector, Stage

__all__ = [
    "Area",
    "ExpertiseTag",
    "Interaction",
    "Invitation",
    "Membership",
    "Organisation",
    "Partner",
    "PartnerService",
    "ResearchGroup",
    "Sector",
    "Stage",
    "Startup",
    "TechnologyOffer",
]
