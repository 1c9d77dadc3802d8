CREATE TABLE "owner_visit_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"month" text NOT NULL,
	"occupied_households" integer NOT NULL,
	"quota_percent" integer NOT NULL,
	"quota" integer NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owner_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"month" text NOT NULL,
	"room_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"household_label" text NOT NULL,
	"status" text NOT NULL,
	"booked_for" timestamp with time zone,
	"booked_by_id" uuid,
	"booked_by_name" text,
	"method" text,
	"visitor_id" uuid,
	"visitor_name" text,
	"resident_name" text,
	"visited_at" timestamp with time zone,
	"notes" text,
	"opinions" text,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signature" text,
	"signed_by" text,
	"is_confidential" boolean DEFAULT false NOT NULL,
	"recorded_by_id" uuid,
	"recorded_by_name" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb NOT NULL,
	"analysis" jsonb DEFAULT '{"summary":"","cases":[]}'::jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"is_overdue" boolean DEFAULT false NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by_id" text,
	"submitted_by_name" text,
	"received_at" timestamp with time zone,
	"received_by_id" text,
	"received_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"room_label" text NOT NULL,
	"sort_order" integer NOT NULL,
	"marks" jsonb,
	"comment" text,
	"channel" text,
	"answered_at" timestamp with time zone,
	"answered_by_id" text,
	"answered_by_name" text
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period" text NOT NULL,
	"items" jsonb NOT NULL,
	"status" text NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by_id" text,
	"issued_by_name" text,
	"recovery_deadline" date,
	"statistics_deadline" date,
	"closes_at" timestamp with time zone,
	"policy" jsonb,
	"created_by_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "owner_visits" ADD CONSTRAINT "owner_visits_plan_id_owner_visit_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."owner_visit_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_households" ADD CONSTRAINT "questionnaire_households_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "owner_visit_plans_month" ON "owner_visit_plans" USING btree ("company_id","community_id","month");--> statement-breakpoint
CREATE INDEX "owner_visits_list" ON "owner_visits" USING btree ("company_id","community_id","month","status","booked_for");--> statement-breakpoint
CREATE INDEX "owner_visits_room" ON "owner_visits" USING btree ("company_id","community_id","room_id","visited_at");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_visits_once" ON "owner_visits" USING btree ("plan_id","room_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_once" ON "monthly_reports" USING btree ("community_id","kind","period");--> statement-breakpoint
CREATE INDEX "monthly_reports_scope" ON "monthly_reports" USING btree ("company_id","community_id","status","period");--> statement-breakpoint
CREATE INDEX "monthly_reports_period" ON "monthly_reports" USING btree ("company_id","period","kind");--> statement-breakpoint
CREATE INDEX "monthly_reports_due" ON "monthly_reports" USING btree ("due_at") WHERE status = 'draft' and not is_overdue;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_households_room" ON "questionnaire_households" USING btree ("questionnaire_id","room_id");--> statement-breakpoint
CREATE INDEX "questionnaire_households_scope" ON "questionnaire_households" USING btree ("company_id","community_id","questionnaire_id","sort_order");--> statement-breakpoint
CREATE INDEX "questionnaire_households_room_lookup" ON "questionnaire_households" USING btree ("company_id","room_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_period" ON "questionnaires" USING btree ("company_id","community_id","period");--> statement-breakpoint
CREATE INDEX "questionnaires_list" ON "questionnaires" USING btree ("company_id","community_id","status","period");--> statement-breakpoint
CREATE INDEX "ticket_events_dispatch" ON "ticket_events" USING btree ("ticket_id","at") WHERE type in ('OrderGrabbed', 'OrderAssigned');--> statement-breakpoint
CREATE INDEX "tickets_reported" ON "tickets" USING btree ("company_id","community_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "tickets_company_reported" ON "tickets" USING btree ("company_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "visits_due" ON "visits" USING btree ("company_id","community_id","due_at");--> statement-breakpoint
CREATE INDEX "visits_company_due" ON "visits" USING btree ("company_id","due_at");--> statement-breakpoint
CREATE INDEX "timers_scope_due" ON "timers" USING btree ("company_id","community_id","due_at");--> statement-breakpoint
CREATE INDEX "timers_company_due" ON "timers" USING btree ("company_id","due_at");