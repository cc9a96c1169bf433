from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("people/", views.PersonIndexView.as_view(), name="person-index"),
    path("people/<slug:slug>/", views.PersonView.as_view(), name="person"),
    path("organizations/", views.OrganizationIndexView.as_view(), name="organization-index"),
    path("organizations/<slug:slug>/", views.OrganizationView.as_view(), name="organization"),
]
