"""Deployment: the container image, the nginx load balancer and a Kubernetes example."""
