from .applications import Application, ApplicationFile, ApplicationTransition, InformationRequest
from .interactions import Interaction
from .memberships import Invitation, Membership
from .organisations import (
    Organisation,
    Partner,
    ResearchGroup,
    Startup,
    TechnologyOffer,
)
from .programmes import Call, Criterion, Programme
from .reviews import Decision, Review, Score
from .taxonomy import Area, ExpertiseTag, PartnerService, Sector, Stage

__all__ = [
    "Application",
    "ApplicationFile",
    "ApplicationTransition",
    "Area",
    "Call",
    "Criterion",
    "Decision",
    "ExpertiseTag",
    "InformationRequest",
    "Interaction",
    "Invitation",
    "Membership",
    "Organisation",
    "Partner",
    "PartnerService",
    "Programme",
    "ResearchGroup",
    "Review",
    "Score",
    "Sector",
    "Stage",
    "Startup",
    "TechnologyOffer",
]
