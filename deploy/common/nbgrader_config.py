# Global nbgrader configuration of a Nichos hub: /etc/jupyter/nbgrader_config.py on TLJH, mounted by
# singleuser.extraFiles on Kubernetes (deploy/z2jh/config.yaml holds the same lines).
# Participants and instructors read it; the instructors' course folder adds its own nbgrader_config.py.
c = get_config()  # noqa: F821  (provided by nbgrader)

# One course on this hub: the exchange holds /srv/nbgrader/exchange/nichos/{inbound,outbound,feedback}.
c.CourseDirectory.course_id = "nichos"
c.Exchange.root = "/srv/nbgrader/exchange"
# Several courses or cohorts sharing one exchange would set c.Exchange.path_includes_course = True
# (each participant then fetches into <course id>/<assignment>); one course does not need it.
