CREATE TABLE "complaints" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"complaint_class" text,
	"is_developer_caused" boolean DEFAULT false NOT NULL,
	"is_serious" boolean DEFAULT false NOT NULL,
	"is_forwarded" boolean DEFAULT false NOT NULL,
	"form" text NOT NULL,
	"households" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place_key" text,
	"on_spot" jsonb,
	"is_on_spot_report_late" boolean DEFAULT false NOT NULL,
	"classified_at" timestamp with time zone,
	"agreed_reply_at" timestamp with time zone,
	"referral" jsonb,
	"solving_department" text,
	"result_summary" text,
	"signed_off_by_id" text,
	"signed_off_at" timestamp with time zone,
	"incident_report_filed_at" timestamp with time zone,
	"reply" jsonb,
	"reply_summary" text,
	"centre_reported_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"linked_from_id" uuid,
	"merged_from_ids" uuid[] DEFAULT '{}' NOT NULL,
	"merged_into_id" uuid,
	"visit_outcome" text
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"is_written" boolean DEFAULT false NOT NULL,
	"category" text,
	"emergency_kind" text,
	"first_owner_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"department_head_id" text NOT NULL,
	"is_escalated" boolean DEFAULT false NOT NULL,
	"escalation_reason" text,
	"has_been_unsatisfied" boolean DEFAULT false NOT NULL,
	"responder_id" text,
	"reply_due_at" timestamp with time zone,
	"answer" text,
	"reply_method" text,
	"ticket_kind_to_create" text,
	"linked_ticket_kind" text,
	"linked_ticket_id" uuid
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"is_major" boolean DEFAULT false NOT NULL,
	"owner_id" text NOT NULL,
	"supervisor_id" uuid,
	"department" text,
	"handler_id" uuid,
	"result" text,
	"completed_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "party_room_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "ticket_kind" text DEFAULT 'repair' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "category" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "case_flags" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "is_home_visit_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "duty" text DEFAULT 'desk' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "visitor_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "technician_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "appointment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "flags" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "charge_check" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "has_refused_to_sign" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "apology" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "problems" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "rectification_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "rectification_notice" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "sampling_period" text;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "visit_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_ratings" ADD CONSTRAINT "ticket_ratings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_place" ON "complaints" USING btree ("place_key");--> statement-breakpoint
CREATE INDEX "complaints_linked" ON "complaints" USING btree ("linked_from_id");--> statement-breakpoint
CREATE INDEX "contacts_owner" ON "contacts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "contacts_first_owner" ON "contacts" USING btree ("first_owner_id");--> statement-breakpoint
CREATE INDEX "ticket_ratings_ticket" ON "ticket_ratings" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_party_rooms" ON "tickets" USING gin ("party_room_ids");--> statement-breakpoint
CREATE INDEX "visits_visitor" ON "visits" USING btree ("visitor_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_sample" ON "visits" USING btree ("community_id","sampling_period","duty","ticket_id") WHERE "visits"."sampling_period" is not null;--> statement-breakpoint
UPDATE "visits" SET "status" = 'closed' WHERE "status" = 'done';
