"""Views for learners (`learner`), line managers (`approvals`), trainers
(`trainer`) and practice leads (`lead`). Each loads through a
permission-checking helper, calls a service and renders or redirects."""
