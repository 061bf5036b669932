{{/*
What a service is configured with: (dict "root" $ "svc" $svc). Every name is a configuration key of the service
(application.properties or a @ConfigMapping, in environment-variable form), a Kafka client setting (KAFKA_*), or
JAVA_TOOL_OPTIONS; ChartTest checks that against the services' sources.
*/}}

{{/* Plain settings, the service's ConfigMap. */}}
{{- define "parley.config" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $values := index $root.Values $svc.key -}}
{{- $fullname := include "parley.fullname" $root -}}
KAFKA_BOOTSTRAP_SERVERS: {{ $root.Values.kafka.bootstrapServers | quote }}
KAFKA_SECURITY_PROTOCOL: {{ $root.Values.kafka.securityProtocol | quote }}
{{- if include "parley.kafkaUsesSasl" $root }}
KAFKA_SASL_MECHANISM: {{ $root.Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if include "parley.kafkaUsesTls" $root }}
KAFKA_SSL_TRUSTSTORE_TYPE: PEM
KAFKA_SSL_TRUSTSTORE_LOCATION: /etc/parley/kafka-ca/{{ $root.Values.kafka.tls.caKey }}
{{- end }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ include "parley.keycloakRealmUrl" $root | quote }}
QUARKUS_OIDC_TOKEN_AUDIENCE: {{ $root.Values.keycloak.audience | quote }}
QUARKUS_SHUTDOWN_TIMEOUT: {{ $root.Values.shutdownTimeout | quote }}
QUARKUS_LOG_CONSOLE_JSON_ENABLED: "true"
QUARKUS_OTEL_SDK_DISABLED: {{ not $root.Values.opentelemetry.enabled | quote }}
{{- if $root.Values.opentelemetry.enabled }}
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ $root.Values.opentelemetry.endpoint | quote }}
QUARKUS_OTEL_TRACES_SAMPLER_ARG: {{ $root.Values.opentelemetry.samplerRatio | quote }}
{{- end }}
{{- if eq $root.Values.image.variant "jvm" }}
JAVA_TOOL_OPTIONS: {{ printf "-Xms%s -Xmx%s %s" $values.heap $values.heap $root.Values.javaToolOptions | quote }}
{{- end }}
{{- if $svc.database }}
PARLEY_DB_HOST: {{ $values.database.host | quote }}
PARLEY_DB_PORT: {{ $values.database.port | quote }}
PARLEY_DB_NAME: {{ $values.database.name | quote }}
PARLEY_DB_USER: {{ $values.database.user | quote }}
PARLEY_DB_SSL_MODE: {{ $values.database.sslMode | quote }}
{{- end }}
{{- if eq $svc.key "ingest" }}
QUARKUS_MAILER_HOST: {{ $values.smtp.host | quote }}
QUARKUS_MAILER_PORT: {{ $values.smtp.port | quote }}
QUARKUS_MAILER_FROM: {{ $values.smtp.from | quote }}
{{- end }}
{{- if eq $svc.key "routing" }}
PARLEY_ROSTER_SOURCE: keycloak
PARLEY_KEYCLOAK_URL: {{ trimSuffix "/" $root.Values.keycloak.url | quote }}
{{- end }}
{{- if eq $svc.key "gateway" }}
QUARKUS_REST_CLIENT_INGEST_URL: {{ printf "http://%s-ingest-service:8081" $fullname | quote }}
QUARKUS_REST_CLIENT_ROUTING_URL: {{ printf "http://%s-routing-service:8082" $fullname | quote }}
QUARKUS_REST_CLIENT_METRICS_URL: {{ printf "http://%s-metrics-service:8083" $fullname | quote }}
PARLEY_WEB_AUTH_SERVER_URL: {{ printf "%s/realms/%s" (trimSuffix "/" (default $root.Values.keycloak.url $root.Values.keycloak.publicUrl)) $root.Values.keycloak.realm | quote }}
PARLEY_WEB_CLIENT_ID: {{ $root.Values.keycloak.webClientId | quote }}
{{- end }}
{{- range $name, $value := $values.env }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Secrets, as references only: the Deployment's env. */}}
{{- define "parley.secretEnv" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $values := index $root.Values $svc.key -}}
{{- if include "parley.kafkaUsesSasl" $root }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ $values.kafka.existingSecret }}
      key: {{ $values.kafka.jaasConfigKey }}
{{- end }}
{{- if $svc.database }}
- name: PARLEY_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $values.database.existingSecret }}
      key: {{ $values.database.passwordKey }}
{{- end }}
{{- if eq $svc.key "routing" }}
- name: PARLEY_ROSTER_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $values.keycloakClient.existingSecret }}
      key: {{ $values.keycloakClient.key }}
{{- end }}
{{- end -}}
