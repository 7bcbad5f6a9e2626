"""Entry point the service looks for (``graph_api.app.OPTIONAL_ROUTERS``): the views router."""
from visualise.router import get_store, router

__all__ = ["router", "get_store"]
