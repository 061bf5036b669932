{{/*
The four services: values key, name (image, Kafka user, consumer group), API port, management port (health,
metrics), and whether it owns a PostgreSQL database. Ports are the services' own defaults (application.properties).
*/}}
{{- define "parley.services" -}}
- key: ingest
  name: ingest-service
  port: 8081
  managementPort: 9081
  database: true
- key: routing
  name: routing-service
  port: 8082
  managementPort: 9082
  database: true
- key: metrics
  name: metrics-service
  port: 8083
  managementPort: 9083
  database: true
- key: gateway
  name: agent-gateway
  port: 8080
  managementPort: 9080
  database: false
{{- end -}}

{{/* The services whose <key>.enabled is true, as a list of the descriptors above. */}}
{{- define "parley.enabledServices" -}}
{{- $root := . -}}
{{- $out := list -}}
{{- range $svc := include "parley.services" . | fromYamlArray -}}
{{- if (index $root.Values $svc.key).enabled -}}
{{- $out = append $out $svc -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{- define "parley.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* A service's resource name: (dict "root" $ "svc" $svc). */}}
{{- define "parley.serviceName" -}}
{{- printf "%s-%s" (include "parley.fullname" .root) .svc.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "parley.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/part-of: parley
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Labels that select one service's pods: (dict "root" $ "svc" $svc). */}}
{{- define "parley.selectorLabels" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "parley.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $image.tag -}}
{{- if eq $image.variant "native" -}}
{{- $tag = printf "%s-native" $tag -}}
{{- end -}}
{{- printf "%s/%s/%s:%s" $image.registry $image.repository .svc.name $tag -}}
{{- end -}}

{{- define "parley.keycloakRealmUrl" -}}
{{- printf "%s/realms/%s" (trimSuffix "/" .Values.keycloak.url) .Values.keycloak.realm -}}
{{- end -}}

{{- define "parley.kafkaUsesSasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol }}true{{ end -}}
{{- end -}}

{{- define "parley.kafkaUsesTls" -}}
{{- if or (eq .Values.kafka.securityProtocol "SSL") (eq .Values.kafka.securityProtocol "SASL_SSL") }}true{{ end -}}
{{- end -}}
